#ifndef ANNUAL_RETURN_CLIBCRYPTO_SHIM_H
#define ANNUAL_RETURN_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
