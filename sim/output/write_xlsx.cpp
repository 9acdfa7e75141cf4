#include "sim/output/write_xlsx.hpp"

#include <cstdio>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <xlsxwriter.h>

#include "sim/core/decimal.hpp"
#include "sim/output/text_table.hpp"

namespace kpsim::output {

using tables::Cell;
using tables::Sheet;
namespace {

// libxlsxwriter writes to a file: a private temporary one, read back and removed.
class TempPath {
 public:
  explicit TempPath(const std::filesystem::path& dir) {
    static std::atomic<unsigned> counter{0};
    path_ = dir / ("report.xlsx.tmp-build-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  }
  ~TempPath() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {
    bold_ = workbook_add_format(wb);
    format_set_bold(bold_);
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    date_ = workbook_add_format(wb);
    format_set_num_format(date_, "yyyy-mm-dd");
  }
  lxw_format* bold() const { return bold_; }
  lxw_format* header() const { return header_; }
  lxw_format* date() const { return date_; }
  lxw_format* number(int decimals) { return numeric(numbers_, decimals, false); }
  lxw_format* share(int decimals) { return numeric(shares_, decimals, true); }

 private:
  lxw_format* numeric(std::vector<lxw_format*>& cache, int decimals, bool percent) {
    decimals = std::clamp(decimals, 0, 10);
    if (cache.size() <= static_cast<std::size_t>(decimals)) cache.resize(static_cast<std::size_t>(decimals) + 1, nullptr);
    lxw_format*& f = cache[static_cast<std::size_t>(decimals)];
    if (!f) {
      f = workbook_add_format(wb_);
      std::string pattern = decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
      if (percent) pattern = (decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0") + "%";
      format_set_num_format(f, pattern.c_str());
    }
    return f;
  }
  lxw_workbook* wb_;
  lxw_format *bold_, *header_, *date_;
  std::vector<lxw_format*> numbers_, shares_;
};

// The value the CSV shows, so that the workbook and the CSV agree to the
// last digit (rounding x · 10^d would differ where the binary value lies
// just under a half).
double rounded(double x, int decimals) { return std::strtod(core::decimal(x, decimals).c_str(), nullptr); }

void check(lxw_error err, const char* what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("writing the workbook: ") + what + ": " + lxw_strerror(err));
}

std::string cell_text_for_width(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::text: return c.display ? std::string(c.display) : c.text;
    case Cell::Kind::number: return std::string(16, '0').substr(0, 6 + static_cast<std::size_t>(c.shown >= 0 ? c.shown : c.decimals));
    case Cell::Kind::share: return "100.0%";
    case Cell::Kind::date: return "2026-01-01";
    case Cell::Kind::empty: return {};
  }
  return {};
}

void write_sheet(lxw_workbook* wb, Formats& formats, const Sheet& s) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.title.c_str());
  if (!ws) throw std::runtime_error("writing the workbook: bad sheet name '" + s.title + "'");
  lxw_row_t row = 0;
  for (const std::string& note : s.notes) {
    check(worksheet_write_string(ws, row, 0, note.c_str(), row == 0 ? formats.bold() : nullptr), "note");
    ++row;
  }
  if (!s.notes.empty()) ++row;
  const std::vector<std::string>& labels = s.labels.empty() ? s.header : s.labels;
  std::vector<std::size_t> width(labels.size(), 6);
  for (std::size_t c = 0; c < labels.size(); ++c) {
    check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), labels[c].c_str(), formats.header()), "header");
    width[c] = std::max(width[c], std::min<std::size_t>(display_width(labels[c]), 24));
  }
  // Printed for a meeting: A4 landscape, one page wide, the header row on
  // every page, the sheet's name and the page number in the margins; on
  // screen the header row and the first (id) column stay in view.
  worksheet_freeze_panes(ws, row + 1, 1);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  check(worksheet_repeat_rows(ws, row, row), "repeated header row");
  check(worksheet_set_header(ws, ("&L" + s.title + "&Rkpsim").c_str()), "page header");
  check(worksheet_set_footer(ws, "&C&P / &N"), "page footer");
  ++row;
  for (const auto& cells : s.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Cell& cell = cells[c];
      const auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case Cell::Kind::empty: break;
        // worksheet_write_string stores text as text: "=SUM(…)" stays a string.
        case Cell::Kind::text:
          check(worksheet_write_string(ws, row, col, cell.display ? cell.display : cell.text.c_str(), nullptr), "text");
          break;
        case Cell::Kind::number:
          check(worksheet_write_number(ws, row, col, rounded(cell.value, cell.decimals),
                                       formats.number(cell.shown >= 0 ? cell.shown : cell.decimals)),
                "number");
          break;
        case Cell::Kind::share:
          check(worksheet_write_number(ws, row, col, rounded(cell.value, cell.decimals + 2), formats.share(cell.decimals)), "share");
          break;
        case Cell::Kind::date: {
          const core::YearMonthDay ymd = cell.date.ymd();
          lxw_datetime dt{ymd.year, ymd.month, ymd.day, 0, 0, 0};
          check(worksheet_write_datetime(ws, row, col, &dt, formats.date()), "date");
          break;
        }
      }
      if (c < width.size()) width[c] = std::max(width[c], std::min<std::size_t>(display_width(cell_text_for_width(cell)), 40));
    }
    ++row;
  }
  for (std::size_t c = 0; c < width.size(); ++c)
    check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(width[c]) + 2, nullptr), "width");
  // In constant_memory mode the rows went to a scratch file, whose write
  // errors libxlsxwriter does not check: a full disk would give a workbook
  // with rows silently missing. (The last row is written at close, whose
  // zip writes are checked.)
  if (FILE* scratch = ws->optimize_tmpfile; scratch && (std::fflush(scratch) != 0 || std::ferror(scratch)))
    throw std::runtime_error("writing the workbook: the rows of sheet '" + s.title + "' could not be written to " +
                             "its scratch file (is the disk full?)");
}

// A generous bound on the XML the sheets make (libxlsxwriter writes a cell
// as <c r="AB123" s="12" t="s"><v>…</v></c>, text inline in constant_memory
// mode, escaped).
std::uintmax_t sheet_xml_bytes(const Sheet& s) {
  std::uintmax_t bytes = 4096;
  for (const auto& row : s.rows) {
    bytes += 64;
    for (const Cell& c : row) bytes += 48 + (c.display ? std::char_traits<char>::length(c.display) : c.text.size());
  }
  return bytes;
}

}  // namespace

void write_xlsx(std::ostream& out, const std::vector<Sheet>& sheets, const std::filesystem::path& scratch_dir) {
  // libxlsxwriter does not check the writes of its scratch files: on a full
  // disk it would close a workbook with rows missing and report success.
  // So the room they need is checked first: every sheet's rows, the largest
  // sheet assembled, and the zip (XML compresses to well under half) at once.
  std::uintmax_t total = 0, largest = 0;
  for (const Sheet& s : sheets) {
    const std::uintmax_t b = sheet_xml_bytes(s);
    total += b;
    largest = std::max(largest, b);
  }
  std::error_code ec;
  const std::filesystem::space_info room = std::filesystem::space(scratch_dir, ec);
  const std::uintmax_t need = total + largest + total / 2;
  if (!ec && room.available < need)
    throw std::runtime_error("writing the workbook: its scratch files need about " + std::to_string(need >> 10) +
                             " KiB and " + scratch_dir.string() + " has " + std::to_string(room.available >> 10) + " KiB free");
  TempPath temp(scratch_dir);
  std::string tmpdir = scratch_dir.string();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  // Rows go to disk as they are written (in order, as every sheet is): a
  // portfolio of 100,000 projects otherwise holds millions of cells in memory.
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(temp.path().c_str(), &options);
  if (!wb) throw std::runtime_error("writing the workbook: cannot create " + temp.path().string());
  lxw_doc_properties props{};
  props.title = const_cast<char*>("kpsim report");
  props.author = const_cast<char*>("kpsim");
  props.created = 946684800;  // 2000-01-01: fixed, so that the same results give the same bytes
  try {
    check(workbook_set_properties(wb, &props), "properties");
    Formats formats(wb);
    for (const Sheet& s : sheets) write_sheet(wb, formats, s);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "close");
  std::ifstream in(temp.path(), std::ios::binary);
  out << in.rdbuf();
  if (!in || !out) throw std::runtime_error("writing the workbook: copying " + temp.path().string() + " failed");
}

}  // namespace kpsim::output
