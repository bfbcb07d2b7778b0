#ifndef ANNUAL_RETURN_CXXHASH_SHIM_H
#define ANNUAL_RETURN_CXXHASH_SHIM_H
/* xxHash in its header-only form: the functions are compiled into the caller, so hashing a
 * key of a few dozen bytes is a few nanoseconds with no call into a shared library, and the
 * installed binary does not need libxxhash. */
#define XXH_INLINE_ALL
#include <xxhash.h>

/* XXH3's 128-bit hash of `count` bytes, in two words (the record keys' and enterprises'
 * digests). Plain integers cross into Swift: xxHash's own types are renamed by its
 * header-only mode. */
static inline void annual_return_xxh3_128(const void *bytes, size_t count, uint64_t *low, uint64_t *high) {
    XXH128_hash_t hash = XXH3_128bits(bytes, count);
    *low = hash.low64;
    *high = hash.high64;
}

/* XXH3's 64-bit hash of `count` bytes under `seed` (record fingerprints, field by field). */
static inline uint64_t annual_return_xxh3_64(const void *bytes, size_t count, uint64_t seed) {
    return XXH3_64bits_withSeed(bytes, count, seed);
}
#endif
