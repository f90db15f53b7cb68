#include "palette.h"

#include <algorithm>
#include <cmath>

namespace rx {
namespace {

constexpr Palette kLight = {
    rgbHex(0xF4F5F7), // bg
    rgbHex(0xFFFFFF), // surface
    rgbHex(0xFFFFFF), // surfaceRaised
    rgbHex(0x1B1F24), // text
    rgbHex(0x55606B), // textMuted
    rgbHex(0xA63A0C), // accent: Rust's orange, darkened for text contrast
    rgbHex(0xFFFFFF), // onAccent
    rgbHex(0xD0D7DE), // border
    rgbHex(0xFFC83D), // highlight
    rgbHex(0xF5A623), // highlightCurrent
    rgbHex(0x0A5CC2), // focus
    rgbHex(0xFBEAE2), // tagBg
    rgbHex(0xB3261E), // error
    rgbHex(0xE8EBEF), // codeBg
    rgbHex(0xC8E1FF), // selection
};

constexpr Palette kDark = {
    rgbHex(0x101317), // bg
    rgbHex(0x191D23), // surface
    rgbHex(0x222831), // surfaceRaised
    rgbHex(0xE6EDF3), // text
    rgbHex(0xA2ADB9), // textMuted
    rgbHex(0xF29A62), // accent
    rgbHex(0x1B1F24), // onAccent
    rgbHex(0x343B45), // border
    rgbHex(0x6B5410), // highlight
    rgbHex(0x8F5A14), // highlightCurrent
    rgbHex(0x6CB6FF), // focus
    rgbHex(0x3A2A22), // tagBg
    rgbHex(0xFF8A80), // error
    rgbHex(0x2E3540), // codeBg
    rgbHex(0x1C3A60), // selection
};

double linearize(uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

const Palette& palette(Theme theme) {
    return theme == Theme::Dark ? kDark : kLight;
}

Theme resolveTheme(std::string_view preference, bool systemPrefersDark) {
    if (preference == "light") return Theme::Light;
    if (preference == "dark") return Theme::Dark;
    return systemPrefersDark ? Theme::Dark : Theme::Light;
}

double relativeLuminance(Rgb c) {
    return 0.2126 * linearize(c.r) + 0.7152 * linearize(c.g) + 0.0722 * linearize(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace rx
