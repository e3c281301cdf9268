#ifndef NEURALWORKBOOK_CGD_SHIM_H
#define NEURALWORKBOOK_CGD_SHIM_H

// gd's types and macros only: this module links nothing; Plot opens libgd with dlopen
// when it first draws (see Sources/Plot/GDLibrary.swift). The helpers below touch
// struct fields and macros, never a libgd function.
#include <gd.h>

// libgd's function-like macros are not imported into Swift; these are the few we use.
static inline int cgd_true_color(int red, int green, int blue) {
    return gdTrueColor(red, green, blue);
}
static inline int cgd_true_color_alpha(int red, int green, int blue, int alpha) {
    return gdTrueColorAlpha(red, green, blue, alpha);
}
static inline int cgd_red(int color) { return gdTrueColorGetRed(color); }
static inline int cgd_green(int color) { return gdTrueColorGetGreen(color); }
static inline int cgd_blue(int color) { return gdTrueColorGetBlue(color); }
static inline int cgd_alpha(int color) { return gdTrueColorGetAlpha(color); }
static inline int cgd_width(gdImagePtr image) { return gdImageSX(image); }
static inline int cgd_height(gdImagePtr image) { return gdImageSY(image); }
// One row of a truecolor image, for loops that touch every pixel without a call per pixel.
static inline int *cgd_truecolor_row(gdImagePtr image, int y) { return image->tpixels[y]; }

#endif
