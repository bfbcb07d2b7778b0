#ifndef ANNUAL_RETURN_DEFLATE_LEVEL_H
#define ANNUAL_RETURN_DEFLATE_LEVEL_H

/// The zlib compression level the calling thread's new deflate streams use instead of the
/// level their caller asks for, 0...9; -1 (or anything else) lets callers choose again.
///
/// libxlsxwriter deflates every part of a workbook at zlib's default level (6) and has no
/// option for it. This is its only way to be told: the thread that closes a workbook sets a
/// level around `workbook_close` and clears it after, so no other deflate in the process is
/// affected.
void annual_return_set_deflate_level(int level);

#endif
