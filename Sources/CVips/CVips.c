#include "CVips.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static int started = -1;
static char startError[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void copy_error(char *error, const char *fallback) {
    const char *buffer = vips_error_buffer();
    const char *text = (buffer && buffer[0]) ? buffer : fallback;
    g_strlcpy(error, text, 512);
    /* One line is enough for a diagnostic's hint. */
    char *newline = strchr(error, '\n');
    if (newline) *newline = 0;
    vips_error_clear();
}

/* libvips reports a damaged tile as a GLib warning on standard error, which
 * would mix with Timeline's own diagnostics; the failure itself comes back
 * as an error from the call, and that is what Timeline reports. */
static void drop_message(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start_once(void) {
    if (VIPS_INIT("timeline")) {
        copy_error(startError, "libvips did not start");
        started = -1;
        return;
    }
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                      drop_message, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_block_untrusted_set(TRUE);
    started = 0;
}

int tl_vips_start(char *error) {
    pthread_once(&once, start_once);
    if (started != 0) g_strlcpy(error, startError, 512);
    return started;
}

int tl_vips_header(const void *bytes, size_t length, TLImageHeader *header, char *error) {
    memset(header, 0, sizeof *header);
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    if (!loader) {
        copy_error(error, "not an image libvips can read");
        return -1;
    }
    g_strlcpy(header->loader, loader, sizeof header->loader);
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) {
        copy_error(error, "unreadable image header");
        return -1;
    }
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    header->orientation = vips_image_get_orientation(image);
    header->hasAlpha = vips_image_hasalpha(image);
    g_object_unref(image);
    return 0;
}

/* Every metadata field removed: EXIF (with GPS and serial numbers), XMP,
 * IPTC and the ICC profile (the pixels are sRGB by now). The savers' own
 * `strip` is not enough: libvips 8.14's WebP saver still writes EXIF. */
static VipsImage *without_metadata(VipsImage *image) {
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL)) return NULL;
    gchar **fields = vips_image_get_fields(copy);
    for (int i = 0; fields[i]; i++) (void)vips_image_remove(copy, fields[i]);
    g_strfreev(fields);
    return copy;
}

static int save(VipsImage *image, TLFormat format, void **out, size_t *outLength) {
    switch (format) {
    case TLFormatJPEG:
        return vips_jpegsave_buffer(image, out, outLength, "Q", 82, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case TLFormatPNG:
        return vips_pngsave_buffer(image, out, outLength, "strip", TRUE, "compression", 6, NULL);
    case TLFormatWebP:
        return vips_webpsave_buffer(image, out, outLength, "Q", 78, "strip", TRUE, "effort", 4, NULL);
    }
    return -1;
}

int tl_vips_variant(const void *bytes, size_t length, int width, TLFormat format,
                    void **out, size_t *outLength, int *outWidth, int *outHeight, char *error) {
    VipsImage *probe = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!probe) {
        copy_error(error, "unreadable image");
        return -1;
    }
    /* Only an image with its own profile is converted: one without is sRGB already. */
    gboolean hasProfile = vips_image_get_typeof(probe, VIPS_META_ICC_NAME) != 0;
    g_object_unref(probe);

    VipsImage *shrunk = NULL;
    int failed = hasProfile
        ? vips_thumbnail_buffer((void *)bytes, length, &shrunk, width, "height", 10000000,
                                "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
                                "option_string", "fail_on=error", NULL)
        : vips_thumbnail_buffer((void *)bytes, length, &shrunk, width, "height", 10000000,
                                "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL);
    if (failed) {
        copy_error(error, "the image could not be decoded");
        return -1;
    }
    VipsImage *final = shrunk;
    if (format == TLFormatJPEG && vips_image_hasalpha(shrunk)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int flattened = vips_flatten(shrunk, &final, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        g_object_unref(shrunk);
        if (flattened) {
            copy_error(error, "the image could not be flattened");
            return -1;
        }
    }
    VipsImage *clean = without_metadata(final);
    g_object_unref(final);
    if (!clean) {
        copy_error(error, "the image could not be copied");
        return -1;
    }
    /* Pixels are computed here, as the encoder pulls them: a truncated file fails now. */
    int saved = save(clean, format, out, outLength);
    *outWidth = vips_image_get_width(clean);
    *outHeight = vips_image_get_height(clean);
    g_object_unref(clean);
    if (saved) {
        copy_error(error, "the image could not be encoded");
        return -1;
    }
    return 0;
}

static VipsImage *flat_colour(unsigned int rgb) {
    VipsImage *black = NULL, *coloured = NULL, *cast = NULL;
    if (vips_black(&black, 1200, 630, "bands", 3, NULL)) return NULL;
    double a[3] = {1, 1, 1};
    double b[3] = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    int failed = vips_linear(black, &coloured, a, b, 3, NULL);
    g_object_unref(black);
    if (failed) return NULL;
    failed = vips_cast(coloured, &cast, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(coloured);
    return failed ? NULL : cast;
}

int tl_vips_card(const char *markup, const char *fontName, const char *fontFile,
                 unsigned int bg, unsigned int fg, void **out, size_t *outLength, char *error) {
    VipsImage *text = NULL, *mask = NULL, *background = NULL, *foreground = NULL, *card = NULL;
    int result = -1;
    /* Pango's markup parser is not safe on two threads at once (cards drawn
     * in parallel were refused as "invalid markup" at random): the text is
     * laid out and drawn into memory under a lock; the rest runs in parallel. */
    static GMutex text_lock;
    g_mutex_lock(&text_lock);
    VipsImage *drawn = NULL;
    int failed = fontFile && fontFile[0]
        ? vips_text(&drawn, markup, "font", fontName, "fontfile", fontFile, "width", 1040, "dpi", 72, NULL)
        : vips_text(&drawn, markup, "font", fontName, "width", 1040, "dpi", 72, NULL);
    if (!failed) {
        text = vips_image_copy_memory(drawn);
        failed = text == NULL;
    }
    if (drawn) g_object_unref(drawn);
    g_mutex_unlock(&text_lock);
    if (failed) goto done;
    /* Placed at (80, 72) on the card; what runs past its edge is cut off. */
    if (vips_embed(text, &mask, 80, 72, 1200, 630, NULL)) goto done;
    background = flat_colour(bg);
    foreground = flat_colour(fg);
    if (!background || !foreground) goto done;
    if (vips_ifthenelse(mask, foreground, background, &card, "blend", TRUE, NULL)) goto done;
    VipsImage *clean = without_metadata(card);
    if (!clean) goto done;
    int saved = vips_pngsave_buffer(clean, out, outLength, "strip", TRUE, "compression", 6, NULL);
    g_object_unref(clean);
    if (saved) goto done;
    result = 0;
done:
    if (result) copy_error(error, "the card could not be drawn");
    if (text) g_object_unref(text);
    if (mask) g_object_unref(mask);
    if (background) g_object_unref(background);
    if (foreground) g_object_unref(foreground);
    if (card) g_object_unref(card);
    return result;
}

void tl_sha256_hex(const void *bytes, size_t length, char *hex) {
    GChecksum *checksum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(checksum, bytes, length);
    g_strlcpy(hex, g_checksum_get_string(checksum), 65);
    g_checksum_free(checksum);
}

char *tl_markup_escape(const char *text) {
    return g_markup_escape_text(text, -1);
}

void tl_vips_free(void *buffer) {
    g_free(buffer);
}
