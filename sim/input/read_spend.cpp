#include "sim/input/read_spend.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kpsim::input {

// The named shapes of schedule-risk tools' cost loading, as beta curves:
// an S-curve peaks mid-step; front-loaded peaks at a fifth of the way,
// back-loaded at four fifths.
const std::vector<std::pair<std::string, model::SpendCurve>>& named_spend_curves() {
  static const std::vector<std::pair<std::string, model::SpendCurve>> curves{
      {"uniform", {1, 1}}, {"s_curve", {2, 2}}, {"front_loaded", {1.5, 3}}, {"back_loaded", {3, 1.5}}};
  return curves;
}

std::optional<model::SpendCurve> read_spend_curve(const Value& v) {
  if (v.is_scalar()) {
    std::vector<std::string> names;
    for (const auto& [name, curve] : named_spend_curves()) names.push_back(name);
    const auto chosen = v.one_of(names);
    if (!chosen) return std::nullopt;
    for (const auto& [name, curve] : named_spend_curves())
      if (name == *chosen) return curve;
    return std::nullopt;
  }
  MapReader m(v, {"beta"});
  if (!m.ok()) return std::nullopt;
  const auto beta = m.require("beta");
  if (!beta) return std::nullopt;
  const std::vector<Value> ab = beta->elements();
  if (ab.size() != 2) {
    beta->error("E-SPD-001", "a beta curve is [a, b], two shape parameters");
    return std::nullopt;
  }
  const auto a = ab[0].number(), b = ab[1].number();
  if (!a || !b) return std::nullopt;
  if (*a <= 0 || *b <= 0 || *a > 100 || *b > 100) {
    beta->error("E-SPD-002", "beta shape parameters are positive, at most 100");
    return std::nullopt;
  }
  return model::SpendCurve{*a, *b};
}

}  // namespace kpsim::input
