/* The parse floor: libcsv's own loop over a file, with the options ingest uses (strict, no
 * space trimming), counting fields and records and nothing else. Ingest's throughput is
 * reported as a ratio of this. */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static size_t fields, records;
static void on_field(void *s, size_t len, void *data) { (void)s; (void)len; (void)data; fields++; }
static void on_record(int c, void *data) { (void)c; (void)data; records++; }
static int never_space(unsigned char c) { (void)c; return 0; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: libcsv-floor FILE\n"); return 64; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 66; }
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_space_func(&p, never_space);
    csv_set_blk_size(&p, 64 * 1024);
    static char buf[1 << 20];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (csv_parse(&p, buf, (size_t)n, on_field, on_record, NULL) != (size_t)n) {
            fprintf(stderr, "parse error: %s\n", csv_strerror(csv_error(&p)));
            return 65;
        }
    }
    csv_fini(&p, on_field, on_record, NULL);
    csv_free(&p);
    printf("%zu records, %zu fields\n", records, fields);
    return 0;
}
