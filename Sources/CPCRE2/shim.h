#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H

/* 8 = libpcre2-8 (UTF-8). Must precede the include: Swift sees the _8-suffixed names. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>

/* pcre2_compile(NULL, 0, ...) fails with "pattern passed as NULL" and an empty Swift
   buffer may have a nil base address: hand PCRE2 a real byte instead. */
static inline const uint8_t *cpcre2_empty(void) {
    static const uint8_t empty = 0;
    return &empty;
}

#endif
