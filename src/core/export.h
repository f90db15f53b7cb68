// The displayed matrix as text for spreadsheets: CSV for download, TSV for the clipboard.
#pragma once
#include "adopters.h"
#include "matrix.h"

#include <string>

namespace rx {

// RFC 4180 CSV of the view as displayed (rows, columns, order, pivot): a header row with the row
// axis name ("Adopter" or "Domain") and the column labels, then one row per displayed row with
// its label and "stated", "inferred" or "" per cell. Fields holding a comma, quote, CR or LF are
// quoted, quotes doubled; rows end with CRLF. UTF-8 is kept as is (no byte-order mark).
std::string toCsv(const MatrixTable& view, const AdoptersData& data);

// Same table as tab-separated text for pasting into a spreadsheet: tabs, CR and LF inside a field
// become spaces; rows end with LF; no quoting.
std::string toTsv(const MatrixTable& view, const AdoptersData& data);

} // namespace rx
