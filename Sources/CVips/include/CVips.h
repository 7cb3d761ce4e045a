#ifndef TIMELINE_CVIPS_H
#define TIMELINE_CVIPS_H

#include <stddef.h>

/* Non-variadic wrappers around the libvips calls Timeline makes: Swift cannot
 * call C's variadic functions, and keeping every option in one place makes the
 * encoder settings (and so the output bytes) easy to see. Every function
 * returns 0 on success and -1 on failure, with the reason in `error`
 * (at least 512 bytes). Buffers handed out are freed with tl_vips_free. */

typedef struct {
    int width;
    int height;
    /* The loader libvips chose from the bytes: "jpegload_buffer", ... */
    char loader[48];
    /* EXIF orientation 1-8 (1 when absent): 5-8 swap width and height. */
    int orientation;
    int hasAlpha;
} TLImageHeader;

typedef enum { TLFormatJPEG = 0, TLFormatPNG = 1, TLFormatWebP = 2 } TLFormat;

/* Starts libvips once per process: one thread per operation (Timeline runs
 * images in parallel itself), no operation cache, untrusted loaders blocked. */
int tl_vips_start(char *error);

/* Reads only the header: what the bytes are and how large, before any pixel
 * is decoded. */
int tl_vips_header(const void *bytes, size_t length, TLImageHeader *header, char *error);

/* Decodes, turns upright, converts to sRGB, shrinks to `width` (never
 * enlarging), and encodes in `format` with every metadata field removed.
 * A truncated or corrupt file fails here. */
int tl_vips_variant(const void *bytes, size_t length, int width, TLFormat format,
                    void **out, size_t *outLength, int *outWidth, int *outHeight, char *error);

/* A 1200x630 PNG card: `markup` (Pango markup, already escaped) in the
 * colour `fg` on `bg` (0xRRGGBB), in the font file given. Safe from any
 * thread: the text is drawn under a lock of its own. */
int tl_vips_card(const char *markup, const char *fontName, const char *fontFile,
                 unsigned int bg, unsigned int fg, void **out, size_t *outLength, char *error);

/* SHA-256 of the bytes as 64 hex digits into `hex` (65 bytes). */
void tl_sha256_hex(const void *bytes, size_t length, char *hex);

/* Pango markup escaping; the result is freed with tl_vips_free. */
char *tl_markup_escape(const char *text);

void tl_vips_free(void *buffer);

#endif
