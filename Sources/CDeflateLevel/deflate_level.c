// zlib's deflateInit2_, defined in the executable so that the calls libxlsxwriter's zip
// writer makes reach it first, and passed on to zlib's own with the level the calling thread
// set (see deflate_level.h). Declared without zlib.h: the signature has been zlib's ABI since
// 1.0, and the stream is only passed through.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "deflate_level.h"

typedef int (*deflate_init2_function)(void *stream, int level, int method, int window_bits, int memory_level,
                                      int strategy, const char *version, int stream_size);

static _Thread_local int thread_level = -1;

void annual_return_set_deflate_level(int level) {
    thread_level = level;
}

int deflateInit2_(void *stream, int level, int method, int window_bits, int memory_level, int strategy,
                  const char *version, int stream_size) {
    static _Atomic(deflate_init2_function) zlib_function = NULL;
    deflate_init2_function next = atomic_load_explicit(&zlib_function, memory_order_acquire);
    if (next == NULL) {
        next = (deflate_init2_function)dlsym(RTLD_NEXT, "deflateInit2_");
        // zlib's Z_VERSION_ERROR: the caller reports that it cannot compress.
        if (next == NULL) return -6;
        atomic_store_explicit(&zlib_function, next, memory_order_release);
    }
    int chosen = thread_level >= 0 && thread_level <= 9 ? thread_level : level;
    return next(stream, chosen, method, window_bits, memory_level, strategy, version, stream_size);
}
