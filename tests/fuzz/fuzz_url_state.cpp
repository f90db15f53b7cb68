// libFuzzer target: decodeHash never fails on any input, and what it decodes survives an
// encode/decode round trip unchanged (the URL is the app's memory: it must not drift).
#include "url_state.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    rx::Diagnostics notes;
    const rx::UrlState first = rx::decodeHash(input, &notes);
    if (first.query.size() > 256 || first.mtext.size() > 256) std::abort();
    if (!(first.scale >= rx::kMinScale && first.scale <= rx::kMaxScale)) std::abort();
    const std::string hash = rx::encodeHash(first);
    const rx::UrlState second = rx::decodeHash(hash);
    if (second != first) {
        std::fprintf(stderr, "round trip changed the state: %s -> %s\n", hash.c_str(),
                     rx::encodeHash(second).c_str());
        std::abort();
    }
    if (rx::encodeHash(second) != hash) std::abort();
    (void)rx::historyAction(first, rx::UrlState{});
    return 0;
}
