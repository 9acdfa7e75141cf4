#include "sim/input/psplib_bounds.hpp"

#include <filesystem>
#include <fstream>
#include <regex>

namespace kpsim::input {
namespace {

// Rows start with three integers: parameter, instance, makespan (or UB);
// lb files go on with LB and an optional "*".
template <class Row>
void for_rows(const std::filesystem::path& file, Row row) {
  std::ifstream in(file, std::ios::binary);
  static const std::regex leading(R"(^\s*(\d+)\s+(\d+)\s+(\d+)(?:\s+(\d+)\s*(\*)?)?)");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, leading))
      row(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), m[4].matched ? std::optional<int>(std::stoi(m[4])) : std::nullopt,
          m[5].matched);
  }
}

}  // namespace

std::map<std::pair<int, int>, PsplibBound> load_psplib_bounds(const std::string& folder, const std::string& set) {
  namespace fs = std::filesystem;
  std::map<std::pair<int, int>, PsplibBound> out;
  const fs::path dir(folder);
  if (fs::exists(dir / (set + "opt.sm")))
    for_rows(dir / (set + "opt.sm"), [&](int p, int i, int makespan, auto, bool) { out[{p, i}].optimum = makespan; });
  if (fs::exists(dir / (set + "hrs.sm")))
    for_rows(dir / (set + "hrs.sm"), [&](int p, int i, int makespan, auto, bool) { out[{p, i}].best_known = makespan; });
  if (fs::exists(dir / (set + "lb.sm")))
    for_rows(dir / (set + "lb.sm"), [&](int p, int i, int ub, std::optional<int> lb, bool proven) {
      PsplibBound& b = out[{p, i}];
      if (lb) b.lower = *lb;
      if (proven) b.optimum = ub;
    });
  for (auto& [key, b] : out) {
    if (b.optimum && !b.best_known) b.best_known = b.optimum;
    if (b.optimum && !b.lower) b.lower = b.optimum;
  }
  return out;
}

std::optional<PsplibName> parse_psplib_name(const std::string& stem) {
  // j120 before j12…: "j1201_1" is set j120, group 1.
  static const std::regex name(R"(^(j120|j30|j60|j90)(\d+)_(\d+)$)");
  std::smatch m;
  if (!std::regex_match(stem, m, name)) return std::nullopt;
  return PsplibName{m[1], std::stoi(m[2]), std::stoi(m[3])};
}

}  // namespace kpsim::input
