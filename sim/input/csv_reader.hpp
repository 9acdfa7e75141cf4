// RFC 4180 CSV as spreadsheets export it: UTF-8 with or without BOM, quoted
// fields with embedded commas, quotes and newlines, CRLF or LF.
#pragma once

#include <string>
#include <vector>

#include "sim/input/located_text.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

struct CsvTable {
  std::vector<Located> header;
  std::vector<std::vector<Located>> rows;  // each as long as the header
};

// Reports unterminated quotes and rows with the wrong number of cells with
// line and column (in characters); skips blank lines; trims cells.
// `key_path` names the table in messages: cells of row r are "key_path[r]".
CsvTable read_csv(const std::string& path, const std::string& key_path, model::Diagnostics& diag);
CsvTable parse_csv(const std::string& text, const std::string& file_name, const std::string& key_path,
                   model::Diagnostics& diag);

}  // namespace kpsim::input
