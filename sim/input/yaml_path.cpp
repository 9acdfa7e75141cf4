#include "sim/input/yaml_path.hpp"

#include <cctype>
#include <charconv>

#include "sim/core/date.hpp"
#include "sim/core/suggest.hpp"

namespace kpsim::input {

std::optional<std::vector<PathSegment>> parse_yaml_path(const std::string& path, std::string& why) {
  std::vector<PathSegment> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      std::size_t index = 0;
      const char* first = path.data() + i + 1;
      const char* last = path.data() + (close == std::string::npos ? i + 1 : close);
      const auto [ptr, ec] = std::from_chars(first, last, index);
      if (close == std::string::npos || ec != std::errc() || ptr != last || first == last) {
        why = "expected an index such as [0] at character " + std::to_string(i + 1);
        return std::nullopt;
      }
      out.emplace_back(index);
      i = close + 1;
      if (i < path.size() && path[i] == '.') {
        ++i;
        if (i == path.size()) break;
      }
      continue;
    }
    std::size_t end = i;
    while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
    if (end == i) {
      why = "an empty key at character " + std::to_string(i + 1);
      return std::nullopt;
    }
    out.emplace_back(path.substr(i, end - i));
    i = end;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) {
        why = "the path ends with '.'";
        return std::nullopt;
      }
    }
  }
  if (out.empty()) why = "an empty path";
  if (out.empty()) return std::nullopt;
  return out;
}

std::string format_yaml_path(const std::vector<PathSegment>& segments, std::size_t count) {
  std::string s;
  for (std::size_t i = 0; i < count && i < segments.size(); ++i) {
    if (const auto* key = std::get_if<std::string>(&segments[i])) s += (s.empty() ? "" : ".") + *key;
    else s += "[" + std::to_string(std::get<std::size_t>(segments[i])) + "]";
  }
  return s;
}

PathLookup lookup_yaml_path(YAML::Node root, const std::vector<PathSegment>& segments, std::size_t from) {
  PathLookup r;
  r.matched = from;
  YAML::Node node = root;
  for (std::size_t i = from; i < segments.size(); ++i) {
    const std::string where = i == 0 ? std::string("the top level") : "'" + format_yaml_path(segments, i) + "'";
    if (const auto* key = std::get_if<std::string>(&segments[i])) {
      if (!node.IsMap()) {
        r.problem = where + " is not a mapping: it has no key '" + *key + "'";
        return r;
      }
      YAML::Node next;
      bool found = false;
      std::vector<std::string> keys;
      for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string k = it->first.as<std::string>("");
        keys.push_back(k);
        if (k == *key && !found) next.reset(it->second), found = true;
      }
      if (!found) {
        r.problem = where + " has no key '" + *key + "'" + core::did_you_mean(*key, keys);
        return r;
      }
      node.reset(next);
    } else {
      const std::size_t index = std::get<std::size_t>(segments[i]);
      if (!node.IsSequence()) {
        r.problem = where + " is not a list";
        return r;
      }
      if (index >= node.size()) {
        r.problem = where + " has " + std::to_string(node.size()) + " elements: no [" + std::to_string(index) + "]";
        return r;
      }
      YAML::Node next = node[index];
      node.reset(next);
    }
    r.matched = i + 1;
  }
  r.node.reset(node);
  return r;
}

namespace {

// End of a quoted scalar starting at `b` (the quote), past the closing quote.
std::optional<std::size_t> quoted_end(const std::string& t, std::size_t b) {
  const char q = t[b];
  for (std::size_t i = b + 1; i < t.size(); ++i) {
    if (t[i] == '\n') return std::nullopt;
    if (q == '"' && t[i] == '\\') {
      ++i;
      continue;
    }
    if (t[i] == q) {
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::nullopt;
}

// End of a flow collection starting at `b`, on one line.
std::optional<std::size_t> flow_end(const std::string& t, std::size_t b) {
  int depth = 0;
  for (std::size_t i = b; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n') return std::nullopt;
    if (c == '"' || c == '\'') {
      const auto e = quoted_end(t, i);
      if (!e) return std::nullopt;
      i = *e - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TextSpan> source_span(const std::string& text, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.pos < 0 || static_cast<std::size_t>(m.pos) >= text.size()) return std::nullopt;
  const auto b = static_cast<std::size_t>(m.pos);
  const char c = text[b];
  if (node.IsScalar()) {
    if (c == '"' || c == '\'') {
      const auto e = quoted_end(text, b);
      if (!e) return std::nullopt;
      return TextSpan{b, *e};
    }
    const std::string& s = node.Scalar();
    if (s.empty() || text.compare(b, s.size(), s) != 0) return std::nullopt;  // folded or multi-line
    return TextSpan{b, b + s.size()};
  }
  if ((node.IsMap() && c == '{') || (node.IsSequence() && c == '[')) {
    const auto e = flow_end(text, b);
    if (!e) return std::nullopt;
    return TextSpan{b, *e};
  }
  return std::nullopt;
}

std::string value_kind(const YAML::Node& node) {
  if (node.IsMap()) return "mapping";
  if (node.IsSequence()) return "list";
  if (!node.IsScalar()) return "nothing";
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return "text";  // quoted
  if (s == "true" || s == "false") return "boolean";
  if (core::parse_iso_date(s)) return "date";
  std::int64_t i = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i); ec == std::errc() && p == s.data() + s.size())
    return "integer";
  double d = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d); ec == std::errc() && p == s.data() + s.size())
    return "number";
  return "text";
}

}  // namespace kpsim::input
