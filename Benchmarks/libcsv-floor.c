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

/* Parses each FILE in turn; a parse error (the sample exports hold a planted stray quote) is
 * counted and the parser restarted, as ingest does, so the floor covers every byte. */
int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: libcsv-floor FILE...\n"); return 64; }
    static char buf[1 << 20];
    size_t errors = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) { perror(argv[i]); return 66; }
        struct csv_parser p;
        csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
        csv_set_space_func(&p, never_space);
        csv_set_blk_size(&p, 64 * 1024);
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            size_t done = 0;
            while (done < (size_t)n) {
                done += csv_parse(&p, buf + done, (size_t)n - done, on_field, on_record, NULL);
                if (done < (size_t)n) {
                    errors++;
                    done++;
                    csv_free(&p);
                    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
                    csv_set_space_func(&p, never_space);
                    csv_set_blk_size(&p, 64 * 1024);
                }
            }
        }
        csv_fini(&p, on_field, on_record, NULL);
        csv_free(&p);
        close(fd);
    }
    printf("%zu records, %zu fields, %zu parse errors\n", records, fields, errors);
    return 0;
}
