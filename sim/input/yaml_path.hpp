// Addressing a value inside a YAML document by path — `agencies.eco.capacity`,
// `policies[0].compress.to` — and the exact text the value was written as,
// so that a sweep can replace it in the source and every other line and
// column stays where it was (errors in a variant then point into the file).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kpsim::input {

using PathSegment = std::variant<std::string, std::size_t>;  // a key, or an index

// Parses "a.b[2].c"; nullopt (with `why`) if malformed.
std::optional<std::vector<PathSegment>> parse_yaml_path(const std::string& path, std::string& why);
std::string format_yaml_path(const std::vector<PathSegment>& segments, std::size_t count);

struct PathLookup {
  YAML::Node node;           // valid when found
  std::size_t matched = 0;   // segments resolved
  std::string problem;       // why the next segment failed, with a suggestion
};

// Walks `segments` down from `root`, starting at segment `from`.
PathLookup lookup_yaml_path(YAML::Node root, const std::vector<PathSegment>& segments, std::size_t from = 0);

// The byte range [begin, end) of a value's source text: a scalar (plain or
// quoted) or a flow collection. nullopt for block collections and multi-line
// scalars, whose text cannot be replaced in place.
struct TextSpan {
  std::size_t begin = 0, end = 0;
};
std::optional<TextSpan> source_span(const std::string& text, const YAML::Node& node);

// What kind of value a node is, for type checks: "integer", "number",
// "boolean", "date", "text", "mapping", "list".
std::string value_kind(const YAML::Node& node);

}  // namespace kpsim::input
