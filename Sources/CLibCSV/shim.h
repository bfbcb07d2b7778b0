#ifndef ANNUAL_RETURN_CLIBCSV_SHIM_H
#define ANNUAL_RETURN_CLIBCSV_SHIM_H
#include <csv.h>
#endif
