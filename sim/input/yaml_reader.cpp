#include "sim/input/yaml_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>

#include "sim/core/suggest.hpp"
#include "sim/core/utf8.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

constexpr std::uintmax_t kMaxYamlBytes = 64u << 20;
constexpr int kMaxNesting = 64;  // yaml-cpp parses recursively: deeper input could exhaust the stack

// A conservative nesting depth: open flow brackets outside quotes, plus block
// nesting (indentation and "- " markers). Returns the line and column where
// the limit is first passed, or {0, 0}.
std::pair<int, int> too_deep(const std::string& text) {
  int flow = 0, line = 1, column = 0;
  bool in_single = false, in_double = false, at_line_start = true;
  int block = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line, column = 0, at_line_start = true, block = 0;
      in_single = in_double = false;  // flow scalars rarely span lines; stay conservative on brackets only
      continue;
    }
    if (at_line_start) {
      if (c == ' ') { ++block; continue; }
      if (c == '-' && i + 1 < text.size() && text[i + 1] == ' ') { block += 2; continue; }
      at_line_start = false;
      if (block / 2 > kMaxNesting) return {line, column};
    }
    if (c == '#' && !in_single && !in_double) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\'' && !in_double) in_single = !in_single;
    else if (c == '"' && !in_single) in_double = !in_double;
    else if (!in_single && !in_double) {
      if (c == '[' || c == '{') {
        if (++flow > kMaxNesting) return {line, column};
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      }
    }
  }
  return {0, 0};
}

std::string describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  return "'" + n.Scalar() + "'";
}

}  // namespace

std::optional<std::uint64_t> read_seed(const Value& v) {
  // Any 64-bit seed, 0 … 18446744073709551615, as the command line takes.
  if (v.is_scalar()) {
    const std::string& t = v.node().Scalar();
    std::uint64_t seed = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), seed);
    if (!t.empty() && t[0] != '-' && ec == std::errc{} && end == t.data() + t.size()) return seed;
    if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      v.error("E-SCN-004", "the seed is at most 18446744073709551615");
      return std::nullopt;
    }
  }
  const auto n = v.integer();
  if (!n) return std::nullopt;
  v.error("E-SCN-004", "the seed must not be negative");
  return std::nullopt;
}

std::optional<int> read_replications(const Value& v) {
  const auto n = v.integer();
  if (!n) return std::nullopt;
  if (*n < 1 || *n > 1'000'000) {
    v.error("E-SCN-005", "replications must be between 1 and 1000000");
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string index_path(const std::string& parent, std::size_t i) {
  return parent + "[" + std::to_string(i) + "]";
}

namespace {

constexpr std::size_t kCheckpointBytes = 64;

// The line (1-based) on which a second document begins, or 0: a '---' line
// after content, or content after a '...' line. Comments, blank lines and
// directives ('%YAML') are not content.
int second_document_line(const std::string& text) {
  bool content = false, ended = false;
  int line = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view l(text.data() + at, end - at);
    ++line;
    at = end + 1;
    auto marker = [&](std::string_view m) {
      return l.substr(0, 3) == m && (l.size() == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r' || l[3] == '#');
    };
    if (marker("---")) {
      if (content || ended) return line;
      continue;
    }
    if (marker("...")) {
      ended = content || ended;
      continue;
    }
    const auto first = l.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || l[first] == '#' || (first == 0 && l[0] == '%')) continue;
    if (ended) return line;
    content = true;
  }
  return 0;
}

// Every text kpsim reads may end up in a workbook cell.
bool fits_a_cell(const std::string& s) {
  if (s.size() <= 32'767) return true;
  std::size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars <= 32'767;
}

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

void YamlDocument::index_text() {
  chars_at.assign(text.size() / kCheckpointBytes + 1, 0);
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kCheckpointBytes == 0) chars_at[i / kCheckpointBytes] = chars;
    chars += starts_character(text[i]);
  }
}

std::size_t YamlDocument::chars_before(std::size_t byte) const {
  const std::size_t k = std::min(byte / kCheckpointBytes, chars_at.size() - 1);
  std::size_t chars = chars_at[k];
  for (std::size_t i = k * kCheckpointBytes; i < byte; ++i) chars += starts_character(text[i]);
  return chars;
}

model::SourceLoc YamlDocument::locate(const YAML::Mark& m, std::string key_path) const {
  model::SourceLoc l{path, 0, 0, std::move(key_path)};
  if (m.line < 0) return l;
  l.line = m.line + 1;
  l.column = m.column + 1;
  // yaml-cpp counts bytes; editors count characters. The line starts m.column
  // bytes back; the characters between are counted from the checkpoints.
  if (m.pos >= 0 && static_cast<std::size_t>(m.pos) <= text.size() && m.column <= m.pos && !chars_at.empty()) {
    const auto pos = static_cast<std::size_t>(m.pos);
    const std::size_t line_start = pos - static_cast<std::size_t>(m.column);
    if (line_start == 0 || text[line_start - 1] == '\n')
      l.column = static_cast<int>(chars_before(pos) - chars_before(line_start)) + 1;
  }
  return l;
}

Value YamlDocument::root_value(model::Diagnostics& diag) const { return Value(root, "", this, &diag); }

model::SourceLoc Value::loc() const {
  model::SourceLoc l = doc_->locate(node_.Mark(), path_);
  if (l.line == 0 && path_.empty()) l.line = 1, l.column = 1;  // an empty file: its start
  return l;
}

void Value::error(std::string code, std::string message) const { diag_->error(std::move(code), loc(), std::move(message)); }

void Value::warning(std::string code, std::string message) const {
  diag_->warning(std::move(code), loc(), std::move(message));
}

std::optional<std::string> Value::text() const {
  if (!node_.IsScalar() || node_.Scalar().empty()) {
    error("E-YAML-010", "expected text, got " + describe(node_));
    return std::nullopt;
  }
  if (!fits_a_cell(node_.Scalar())) {
    error("E-VAL-006", "longer than a spreadsheet cell holds (32,767 characters)");
    return std::nullopt;
  }
  return node_.Scalar();
}

std::optional<Located> Value::scalar(const char* expected) const {
  if (node_.IsScalar() && !fits_a_cell(node_.Scalar())) {
    error("E-VAL-006", "longer than a spreadsheet cell holds (32,767 characters)");
    return std::nullopt;
  }
  if (node_.IsScalar()) return Located{node_.Scalar(), loc()};
  error("E-YAML-011", std::string("expected ") + expected + ", got " + describe(node_));
  return std::nullopt;
}

std::optional<double> Value::number() const {
  auto s = scalar("a finite number");
  return s ? to_number(*s, *diag_) : std::nullopt;
}

std::optional<std::int64_t> Value::integer() const {
  auto s = scalar("a whole number");
  return s ? to_integer(*s, *diag_) : std::nullopt;
}

std::optional<bool> Value::boolean() const {
  if (node_.IsScalar() && (node_.Scalar() == "true" || node_.Scalar() == "false")) return node_.Scalar() == "true";
  error("E-YAML-013", "expected true or false, got " + describe(node_));
  return std::nullopt;
}

std::optional<core::Date> Value::date() const {
  auto s = scalar("a date YYYY-MM-DD");
  return s ? to_date(*s, *diag_) : std::nullopt;
}

std::optional<std::string> Value::one_of(const std::vector<std::string>& choices) const {
  auto s = scalar("a name");
  if (!s) return std::nullopt;
  std::vector<std::vector<std::string>> alternatives;
  for (const std::string& c : choices) alternatives.push_back({c});
  return to_choice(*s, alternatives, *diag_);
}

std::vector<Value> Value::elements() const {
  std::vector<Value> out;
  if (!node_.IsSequence()) {
    error("E-YAML-016", "expected a list, got " + describe(node_));
    return out;
  }
  for (std::size_t i = 0; i < node_.size(); ++i) out.push_back(child(node_[i], index_path(path_, i)));
  return out;
}

std::vector<Value> Value::one_or_many() const {
  if (node_.IsScalar()) return {*this};
  return elements();
}

namespace {

// A key as a message shows it: one line, at most 40 characters (a quote
// left open turns the rest of a file into one key).
std::string shown_key(const std::string& k) {
  const std::size_t cut = std::min<std::size_t>(k.find('\n'), 40);
  if (cut >= k.size()) return k;
  std::size_t end = cut;
  while (end > 0 && (static_cast<unsigned char>(k[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return k.substr(0, end) + "…";
}

}  // namespace

MapReader::MapReader(const Value& map, std::initializer_list<const char*> known_keys) : map_(map) {
  if (!map.is_map()) {
    map.error("E-YAML-020", "expected a mapping of keys to values, got " + describe(map.node()));
    return;
  }
  ok_ = true;
  std::vector<std::string> known(known_keys.begin(), known_keys.end());
  std::vector<std::string> seen;
  for (const auto& kv : map.node()) {
    const Value key = map.child(kv.first, map.path());
    if (!kv.first.IsScalar()) {
      key.error("E-YAML-021", "keys must be plain names");
      continue;
    }
    const std::string& k = kv.first.Scalar();
    const std::string shown = shown_key(k);
    const Value at_key = map.child(kv.first, join_path(map.path(), shown));
    if (std::find(seen.begin(), seen.end(), k) != seen.end())
      at_key.error("E-YAML-022", "duplicate key '" + shown + "'");
    seen.push_back(k);
    if (!known.empty() && std::find(known.begin(), known.end(), k) == known.end()) {
      std::string hint = did_you_mean(k, known);
      if (hint.empty()) {  // nothing close: say what the mapping takes
        hint = "; expected one of: ";
        for (std::size_t i = 0; i < known.size(); ++i) hint += (i ? ", " : "") + known[i];
      }
      at_key.error("E-YAML-023", "unknown key '" + shown + "'" + hint +
                                     (shown != k ? " (a quote left open makes the rest of the file one key)" : ""));
    }
  }
}

bool MapReader::has(const char* key) const { return ok_ && map_.node()[key].IsDefined(); }

std::optional<Value> MapReader::get(const char* key) const {
  if (!ok_) return std::nullopt;
  for (const auto& kv : map_.node())
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return map_.child(kv.second, join_path(map_.path(), key));
  return std::nullopt;
}

std::optional<Value> MapReader::require(const char* key) const {
  if (!ok_) return std::nullopt;
  auto v = get(key);
  if (!v) map_.error("E-YAML-024", std::string("missing required key '") + key + "'");
  return v;
}

std::vector<std::pair<std::string, Value>> MapReader::entries() const {
  std::vector<std::pair<std::string, Value>> out;
  if (!ok_) return out;
  for (const auto& kv : map_.node())
    if (kv.first.IsScalar())
      out.emplace_back(kv.first.Scalar(), map_.child(kv.second, join_path(map_.path(), kv.first.Scalar())));
  return out;
}

std::optional<YamlDocument> parse_yaml_file(const std::string& path, model::Diagnostics& diag) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diag.error("E-IO-001", {path, 0, 0, ""}, "cannot read file: " + ec.message());
    return std::nullopt;
  }
  if (size > kMaxYamlBytes) {
    diag.error("E-IO-002", {path, 0, 0, ""},
               "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(kMaxYamlBytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  if (!in) {
    diag.error("E-IO-001", {path, 0, 0, ""}, "cannot read file");
    return std::nullopt;
  }
  return parse_yaml_text(buf.str(), path, diag);
}

std::optional<YamlDocument> parse_yaml_text(std::string text, const std::string& path, model::Diagnostics& diag) {
  // An editor's byte-order mark is not part of line 1's columns.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (const auto bad = core::first_invalid_utf8(text)) {
    diag.error("E-YAML-004", {path, bad->line, bad->column, ""},
               "not UTF-8: bytes " + bad->bytes + " here; save the file as UTF-8");
    return std::nullopt;
  }
  YamlDocument doc{path, std::move(text), {}, {}};
  doc.index_text();
  if (const auto [line, column] = too_deep(doc.text); line > 0) {
    diag.error("E-YAML-002", {path, line, column, ""},
               "nested more than " + std::to_string(kMaxNesting) + " levels deep; kpsim reads at most that");
    return std::nullopt;
  }
  // A second document (after '---' or '...') would be ignored silently:
  // refuse it, found on the text (a document marker at a line's start
  // always ends the document) rather than by parsing every document.
  if (const int line = second_document_line(doc.text); line > 0) {
    diag.error("E-YAML-005", {path, line, 1, ""}, "a second YAML document ('---'): a scenario, sweep or policy file holds one");
    return std::nullopt;
  }
  try {
    doc.root = YAML::Load(doc.text);
  } catch (const YAML::Exception& e) {
    // A tab in a line's indentation is the commonest cause, and the parser's
    // message does not say so: name it where it is.
    const int upto = e.mark.line >= 0 ? e.mark.line : std::numeric_limits<int>::max();
    int line = 0;
    for (std::size_t at = 0; at < doc.text.size() && line <= upto; ++line) {
      const std::size_t end = std::min(doc.text.find('\n', at), doc.text.size());
      const std::size_t indent_end = doc.text.find_first_not_of(" \t", at);
      const std::size_t tab = doc.text.find('\t', at);
      if (tab < std::min(end, indent_end)) {
        YAML::Mark m;
        m.pos = static_cast<int>(tab);
        m.line = line;
        m.column = static_cast<int>(tab - at);
        diag.error("E-YAML-006", doc.locate(m, ""), "a tab in this line's indentation: YAML indents with spaces only");
        break;
      }
      at = end + 1;
    }
    std::string hint;
    if (e.msg.find("map") != std::string::npos)
      hint = " (often a line indented more or less than the keys beside it)";
    // Inside { } the brackets of a path are YAML's own: `{a[0].b: 1}` breaks.
    if (e.mark.line >= 0) {
      std::size_t at = 0;
      for (int l = 0; l < e.mark.line && at != std::string::npos; ++l) at = doc.text.find('\n', at) + 1;
      const std::string line_text = at < doc.text.size() ? doc.text.substr(at, doc.text.find('\n', at) - at) : "";
      const std::size_t brace = line_text.rfind('{', static_cast<std::size_t>(std::max(e.mark.column, 0)));
      if (brace != std::string::npos && line_text.find('[', brace) < line_text.find(':', brace))
        hint = " (a key with [ ] inside { } must be quoted: {\"policies[0].compress.to\": 60}, or written in block form)";
    }
    diag.error("E-YAML-001", doc.locate(e.mark, ""), "YAML syntax error: " + e.msg + hint);
    return std::nullopt;
  }
  return doc;
}

bool readable_file(const std::string& path, const model::SourceLoc& named_at, model::Diagnostics& diag) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), R_OK) == 0) return true;
  const bool there = std::filesystem::exists(path, ec);
  diag.error("E-IO-001", named_at, "cannot read '" + path + "': " + (!there ? "no such file" : std::filesystem::is_directory(path, ec) ? "a folder, not a file" : "not a readable file"));
  return false;
}

}  // namespace kpsim::input
