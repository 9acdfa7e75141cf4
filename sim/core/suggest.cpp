#include "sim/core/suggest.hpp"

#include <algorithm>
#include <cstdint>

namespace kpsim::core {
namespace {

// Splits UTF-8 into code points so that a Chinese name's typo counts as one edit.
std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    std::uint32_t cp = 0;
    for (std::size_t k = 0; k < len && i + k < s.size(); ++k) cp = (cp << 8) | static_cast<unsigned char>(s[i + k]);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::size_t edit_distance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_name(std::string_view word, const std::vector<std::string>& candidates) {
  const auto w = code_points(word);
  std::size_t best = SIZE_MAX;
  std::string best_name;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(w, code_points(c));
    if (d < best) best = d, best_name = c;
  }
  const std::size_t allowed = std::max<std::size_t>(2, w.size() / 3);
  return best <= allowed && best > 0 ? best_name : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string n = nearest_name(word, candidates);
  return n.empty() ? std::string{} : " (did you mean '" + n + "'?)";
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& ids, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < ids.size() && i < names.size(); ++i)
    if (names[i] == word && names[i] != ids[i]) return " (that is the name of '" + ids[i] + "': refer to it by its id)";
  return did_you_mean(word, ids);
}

}  // namespace kpsim::core
