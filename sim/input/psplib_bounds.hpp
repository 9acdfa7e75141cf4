// PSPLIB's bound files: proven optima (j30opt.sm), best known makespans
// (j*hrs.sm) and lower/upper bounds (j*lb.sm, "*" marking a proven optimum).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace kpsim::input {

struct PsplibBound {
  std::optional<int> optimum, best_known, lower;
};

// (parameter group, instance) → bounds, merged from every bound file found in
// `folder` for the instance set (e.g. "j30"). Missing files mean no bounds.
std::map<std::pair<int, int>, PsplibBound> load_psplib_bounds(const std::string& folder, const std::string& set);

// "j3010_1" → ("j30", 10, 1); nullopt if the name is not PSPLIB's.
struct PsplibName {
  std::string set;
  int parameter = 0, instance = 0;
};
std::optional<PsplibName> parse_psplib_name(const std::string& stem);

}  // namespace kpsim::input
