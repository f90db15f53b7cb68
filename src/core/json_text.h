// JSON written straight into a string, for what the explorer sends the page whenever a frame
// changes something (the accessibility tree, the URL state, text fields, announcements):
// nlohmann::json objects are std::maps, and building one cost more than the rest of such a frame.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// `s` as a JSON string: quoted and escaped; valid UTF-8 kept as it is, a bad byte becomes U+FFFD.
void appendJsonString(std::string& out, std::string_view s);
// `v` to the hundredth, trailing zeros dropped ("12.5", "-3", "0.25"), with integer arithmetic
// (printf's float formatting was a third of the cost of sending the tree).
void appendJsonHundredths(std::string& out, double v);

// One JSON object, key by key: JsonObjectText().add("hash", h).addBool("push", true).str().
class JsonObjectText {
  public:
    JsonObjectText& add(const char* key, std::string_view value);
    JsonObjectText& addBool(const char* key, bool value);
    JsonObjectText& addInt(const char* key, long long value);
    JsonObjectText& addHundredths(const char* key, double value);
    JsonObjectText& addHundredths(const char* key, const std::vector<float>& values); // an array
    JsonObjectText& addStrings(const char* key, const std::vector<std::string>& values);
    JsonObjectText& addRaw(const char* key, std::string_view json); // a value already in JSON
    std::string str() const { return out_ + '}'; }

  private:
    void key(const char* key);
    template <class T, class Append>
    JsonObjectText& addArray(const char* key, const std::vector<T>& values, Append append);
    std::string out_ = "{";
};

} // namespace rx
