#include "export.h"

namespace rx {
namespace {

void appendCsvField(std::string& out, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendTsvField(std::string& out, const std::string& field) {
    for (const char c : field) out.push_back(c == '\t' || c == '\r' || c == '\n' ? ' ' : c);
}

template <class AppendField>
std::string toTable(const MatrixTable& view, const AdoptersData& data, char separator,
                    const char* rowEnd, AppendField appendField) {
    std::string out;
    static const std::string kAdopter = "Adopter";
    static const std::string kDomain = "Domain";
    appendField(out, view.pivot ? kDomain : kAdopter);
    for (size_t c = 0; c < view.cols.size(); ++c) {
        out.push_back(separator);
        appendField(out, colLabel(view, data, static_cast<int>(c)));
    }
    out += rowEnd;
    for (size_t r = 0; r < view.rows.size(); ++r) {
        appendField(out, rowLabel(view, data, static_cast<int>(r)));
        size_t next = view.rowCellStart[r];
        const size_t end = view.rowCellStart[r + 1];
        for (size_t c = 0; c < view.cols.size(); ++c) {
            out.push_back(separator);
            // Cells of a row are sorted by column: walk them alongside.
            if (next < end && view.cells[next].col == static_cast<int>(c)) {
                out += strengthName(view.cells[next].strength);
                ++next;
            }
        }
        out += rowEnd;
    }
    return out;
}

} // namespace

std::string toCsv(const MatrixTable& view, const AdoptersData& data) {
    return toTable(view, data, ',', "\r\n", appendCsvField);
}

std::string toTsv(const MatrixTable& view, const AdoptersData& data) {
    return toTable(view, data, '\t', "\n", appendTsvField);
}

} // namespace rx
