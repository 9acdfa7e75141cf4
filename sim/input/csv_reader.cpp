#include "sim/input/csv_reader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/core/utf8.hpp"

namespace kpsim::input {
namespace {

constexpr std::uintmax_t kMaxCsvBytes = 64u << 20;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Splits into records of cells; tracks line and character column of each cell.
class Parser {
 public:
  Parser(const std::string& text, const std::string& file, model::Diagnostics& diag)
      : s_(text), file_(file), diag_(diag) {
    if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;
  }

  bool next_record(std::vector<Located>& record) {
    record.clear();
    if (i_ >= s_.size()) return false;
    for (;;) {
      Located cell{"", {file_, line_, column_, ""}};
      if (i_ < s_.size() && s_[i_] == '"') {
        advance();
        for (;;) {
          if (i_ >= s_.size()) {
            diag_.error("E-CSV-001", cell.loc, "unterminated quoted field");
            record.push_back(std::move(cell));
            return true;
          }
          if (s_[i_] == '"') {
            if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
              cell.text += '"';
              advance(), advance();
              continue;
            }
            advance();
            break;
          }
          take(cell.text);
        }
        if (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
          diag_.error("E-CSV-002", {file_, line_, column_, ""}, "unexpected text after a closing quote");
          while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') advance();
        }
      } else {
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') take(cell.text);
      }
      record.push_back(std::move(cell));
      if (i_ >= s_.size()) return true;
      if (s_[i_] == ',') {
        advance();
        continue;
      }
      if (s_[i_] == '\r') ++i_;
      if (i_ < s_.size() && s_[i_] == '\n') ++i_;
      ++line_, column_ = 1;
      return true;
    }
  }

 private:
  void advance() {
    if (s_[i_] == '\n') ++line_, column_ = 0;
    ++i_;
    while (i_ < s_.size() && is_continuation(s_[i_])) ++i_;
    ++column_;
  }
  void take(std::string& out) {
    const std::size_t from = i_;
    const bool newline = s_[i_] == '\n';
    ++i_;
    while (i_ < s_.size() && is_continuation(s_[i_])) ++i_;
    out.append(s_, from, i_ - from);
    if (newline) ++line_, column_ = 1; else ++column_;
  }

  const std::string& s_;
  const std::string& file_;
  model::Diagnostics& diag_;
  std::size_t i_ = 0;
  int line_ = 1, column_ = 1;
};

bool blank(const std::vector<Located>& record) {
  for (const Located& c : record)
    if (!c.text.empty()) return false;
  return true;
}

std::size_t chars_of(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

CsvTable parse_csv(const std::string& text, const std::string& file_name, const std::string& key_path,
                   model::Diagnostics& diag) {
  CsvTable table;
  std::string converted;
  if (const auto bad = core::first_invalid_utf8(text)) {
    // Excel on Chinese Windows saves "CSV" as GBK unless told otherwise.
    auto gbk = core::gb18030_to_utf8(text);
    if (!gbk) {
      const bool utf16 = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
      diag.error("E-CSV-005", {file_name, bad->line, bad->column, key_path},
                 "neither UTF-8 nor GBK/GB18030: bytes " + bad->bytes + " here" +
                     (utf16 ? " (a UTF-16 file, as Excel's \"Unicode text\")" : "") +
                     ": save it again as \"CSV UTF-8 (逗号分隔)\"");
      return table;
    }
    diag.warning("W-CSV-001", {file_name, bad->line, bad->column, key_path},
                 "not UTF-8: read as GBK/GB18030 (Excel's \"CSV\" on Chinese Windows); save it as \"CSV UTF-8 (逗号分隔)\" "
                 "to be sure every name is read as written");
    converted = std::move(*gbk);
  }
  Parser p(converted.empty() ? text : converted, file_name, diag);
  std::vector<Located> record;
  bool have_header = false;
  while (p.next_record(record)) {
    if (blank(record)) continue;
    for (Located& c : record) {
      c.text = trim(std::move(c.text));
      if (c.text.size() > 32'767 * 4 || (c.text.size() > 32'767 && chars_of(c.text) > 32'767))
        diag.error("E-CSV-007", c.loc, "a cell longer than a spreadsheet cell holds (32,767 characters)");
    }
    if (!have_header) {
      for (std::size_t i = 0; i < record.size(); ++i) record[i].loc.key_path = key_path + ".header[" + std::to_string(i) + "]";
      table.header = record;
      have_header = true;
      continue;
    }
    for (Located& c : record) c.loc.key_path = key_path + "[" + std::to_string(table.rows.size()) + "]";
    if (record.size() != table.header.size()) {
      diag.error("E-CSV-003", record.front().loc,
                 "row has " + std::to_string(record.size()) + " cells, the header has " +
                     std::to_string(table.header.size()));
      continue;
    }
    table.rows.push_back(record);
  }
  if (!have_header) diag.error("E-CSV-004", {file_name, 0, 0, ""}, "the file is empty: expected a header row");
  return table;
}

CsvTable read_csv(const std::string& path, const std::string& key_path, model::Diagnostics& diag) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diag.error("E-IO-001", {path, 0, 0, ""}, "cannot read file: " + ec.message());
    return {};
  }
  if (size > kMaxCsvBytes) {
    diag.error("E-IO-002", {path, 0, 0, ""},
               "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(kMaxCsvBytes));
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_csv(buf.str(), path, key_path, diag);
}

}  // namespace kpsim::input
