#include "sim/input/read_spend.hpp"

#include <string>
#include <utility>
#include <vector>

#include "sim/core/suggest.hpp"
#include "sim/input/references.hpp"
#include "sim/model/ids.hpp"

namespace kpsim::input {
namespace {

// The named shapes of schedule-risk tools' cost loading, as beta curves
// with whole shapes (their cumulative share is a polynomial): an S-curve
// peaks mid-step; front-loaded peaks a third of the way, back-loaded at two
// thirds.
const std::vector<std::pair<std::string, model::SpendCurve>>& named_spend_curves() {
  static const std::vector<std::pair<std::string, model::SpendCurve>> curves{
      {"uniform", {1, 1}}, {"s_curve", {2, 2}}, {"front_loaded", {2, 3}}, {"back_loaded", {3, 2}}};
  return curves;
}

}  // namespace

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

namespace {

model::SpendPart read_part(const Value& v, const model::Template& t, const model::Scenario& sc) {
  model::SpendPart part;
  part.loc = v.loc();
  MapReader m(v, {"share", "with", "at", "spread", "calendar", "curve"});
  if (!m.ok()) return part;
  if (auto s = m.require("share"))
    if (auto x = s->number()) {
      if (*x < 0 || *x > 1) s->error("E-SPD-003", "a share of the investment is between 0 and 1");
      else part.share = *x;
    }
  const int timings = m.has("with") + m.has("at") + m.has("spread");
  if (timings != 1) {
    v.error("E-SPD-004", "say when it is spent: 'with: STEP' (over a step), 'at: STEP' or 'at: land' (when a step "
                         "finishes, or the land is transferred), or 'spread: true' (over the construction)");
    return part;
  }
  auto step_ref = [&](const Value& s) -> std::string {
    auto id = s.text();
    if (!id) return "";
    if (!t.find_step(*id)) {
      s.error("E-SPD-005", "template '" + t.id + "' has no step '" + *id + "'" + core::did_you_mean(*id, model::ids_of(t.steps)));
      return "";
    }
    return *id;
  };
  if (auto w = m.get("with")) part.timing = model::SpendTiming::with_step, part.step = step_ref(*w);
  if (auto a = m.get("at")) {
    if (a->text() == std::optional<std::string>("land")) part.timing = model::SpendTiming::at_land;
    else part.timing = model::SpendTiming::at_step, part.step = step_ref(*a);
  }
  if (auto s = m.get("spread")) {
    part.timing = model::SpendTiming::spread;
    if (!s->boolean().value_or(true)) s->error("E-SPD-004", "'spread' is true, or say 'with' or 'at' instead");
  }
  const bool over_time = part.timing == model::SpendTiming::with_step || part.timing == model::SpendTiming::spread;
  if (auto c = m.get("calendar")) {
    if (!over_time) c->error("E-SPD-006", "a calendar applies to spend over time ('with' or 'spread'), not at a moment");
    else part.calendar = reference(*c, model::ids_of(sc.calendars), "calendar").value_or("");
  }
  if (auto c = m.get("curve")) {
    if (part.timing != model::SpendTiming::with_step) c->error("E-SPD-006", "a curve applies to spend over a step ('with')");
    else part.curve = read_spend_curve(*c).value_or(part.curve);
  }
  return part;
}

}  // namespace

model::Composition read_composition(const Value& v, const model::Template& t, const model::Scenario& sc) {
  model::Composition c;
  MapReader m(v, {"equipment", "other"});
  if (!m.ok()) return c;
  if (auto e = m.get("equipment")) c.equipment = read_part(*e, t, sc);
  if (auto o = m.get("other")) c.other = read_part(*o, t, sc);
  if (c.construction_share() < -1e-9)
    v.error("E-SPD-007", "equipment and other costs take more than the whole investment");
  return c;
}

}  // namespace kpsim::input
