#ifndef ANNUAL_RETURN_PREFETCH_H
#define ANNUAL_RETURN_PREFETCH_H
/* Asks the processor to start loading the cache line at `address`, to be written soon,
 * without waiting for it; an address that is not mapped is ignored. Swift has no such
 * intrinsic: the booking thread uses it to have a large table's slot on its way while it
 * books the rows before (see FlatHashMap.prefetch). */
static inline void annual_return_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}
#endif
