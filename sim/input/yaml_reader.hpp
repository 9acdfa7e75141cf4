// Reading YAML with located errors: every value knows its file, line, column
// and key path, every mapping rejects keys it does not know, and conversions
// report what was expected instead of throwing on the first problem.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/date.hpp"
#include "sim/input/located_text.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

class Value;

// A parsed YAML file with its text, so that locations can be given in
// characters (as editors count them) rather than bytes.
struct YamlDocument {
  std::string path;
  std::string text;  // without a UTF-8 byte-order mark, so that columns count from the first character
  YAML::Node root;
  // Characters (UTF-8 code points) in text[0, 64·k): a column is then found
  // in at most 64 steps, however long its line — locating every value of a
  // file stays linear in its size.
  std::vector<std::uint32_t> chars_at;

  void index_text();
  model::SourceLoc locate(const YAML::Mark& mark, std::string key_path) const;
  Value root_value(model::Diagnostics& diag) const;

 private:
  std::size_t chars_before(std::size_t byte) const;
};

// A YAML node together with where it is and where errors go. Valid while
// its document lives.
class Value {
 public:
  Value(YAML::Node node, std::string key_path, const YamlDocument* doc, model::Diagnostics* diag)
      : node_(std::move(node)), path_(std::move(key_path)), doc_(doc), diag_(diag) {}

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return doc_->path; }
  model::Diagnostics& diagnostics() const { return *diag_; }
  model::SourceLoc loc() const;

  bool is_map() const { return node_.IsMap(); }
  bool is_sequence() const { return node_.IsSequence(); }
  bool is_scalar() const { return node_.IsScalar(); }

  void error(std::string code, std::string message) const;
  void warning(std::string code, std::string message) const;

  // Conversions; on failure they report a located error and return nullopt.
  std::optional<Located> scalar(const char* expected) const;
  std::optional<std::string> text() const;  // non-empty scalar
  std::optional<double> number() const;     // finite decimal number
  std::optional<std::int64_t> integer() const;
  std::optional<bool> boolean() const;
  std::optional<core::Date> date() const;   // YYYY-MM-DD
  // One of `choices`; suggests the nearest on a typo.
  std::optional<std::string> one_of(const std::vector<std::string>& choices) const;

  // Elements of a sequence ("x[3]"); reports an error if it is not one.
  std::vector<Value> elements() const;
  // A scalar or a sequence of scalars, as a list.
  std::vector<Value> one_or_many() const;
  Value child(const YAML::Node& n, std::string key_path) const { return Value(n, std::move(key_path), doc_, diag_); }

 private:
  YAML::Node node_;
  std::string path_;
  const YamlDocument* doc_;
  model::Diagnostics* diag_;
};

// A mapping with a closed set of keys. Unknown and duplicate keys are
// reported (with the nearest known key) when the reader is constructed.
class MapReader {
 public:
  MapReader(const Value& map, std::initializer_list<const char*> known_keys);

  bool ok() const { return ok_; }  // it was a mapping
  const Value& self() const { return map_; }
  bool has(const char* key) const;
  std::optional<Value> get(const char* key) const;
  std::optional<Value> require(const char* key) const;  // reports a missing key

  // Entries in file order, for mappings keyed by id (agencies, calendars …).
  std::vector<std::pair<std::string, Value>> entries() const;

 private:
  Value map_;
  bool ok_ = false;
};

// Parses a YAML file; syntax errors become located diagnostics. Returns
// nullopt (with the error recorded) if the file cannot be read or parsed.
std::optional<YamlDocument> parse_yaml_file(const std::string& path, model::Diagnostics& diag);
// The same for text already in memory; `path` names it in messages.
std::optional<YamlDocument> parse_yaml_text(std::string text, const std::string& path, model::Diagnostics& diag);

// A file another file names (holidays, a project list, a base scenario):
// true if it is a file that can be read; else a located error where it is
// named (E-IO-001), so that the message says which line pulled it in.
bool readable_file(const std::string& path, const model::SourceLoc& named_at, model::Diagnostics& diag);

// The run settings scenarios and sweeps share, checked alike: a seed ≥ 0,
// and 1 to 1,000,000 replications (each keeps a row of period totals for
// the quantiles: bounded memory).
std::optional<std::uint64_t> read_seed(const Value& v);
std::optional<int> read_replications(const Value& v);

std::string join_path(const std::string& parent, const std::string& key);
std::string index_path(const std::string& parent, std::size_t i);

}  // namespace kpsim::input
