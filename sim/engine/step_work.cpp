#include "sim/engine/step_work.hpp"

#include <algorithm>

#include "sim/core/sample.hpp"

namespace kpsim::engine {
namespace {

// Long tails are cut at the limit the reader checks typical values against.
double bounded(double x) { return std::min(x, core::kMaxDurationDays); }

template <class Value>
StepWork assemble(const Network& net, const StepRule& rule, Value value_of) {
  StepWork w;
  if (rule.part_count == 0) {
    w.clock = value_of(rule.duration, rule.step_hash, core::Purpose::duration);
  } else {
    for (std::uint32_t i = rule.part_begin; i < rule.part_begin + rule.part_count; ++i) {
      const double x = value_of(net.rule_parts[i].dist, net.rule_parts[i].hash, core::Purpose::duration);
      w.clock = rule.combine == model::Combine::sum ? w.clock + x : std::max(w.clock, x);
    }
  }
  w.clock = std::min(bounded(w.clock), rule.cap);
  if (rule.phase_count == 0 && !rule.has_effort && !rule.owner_work) return {w.clock, 0, w.clock};  // most steps: nothing more
  for (std::uint32_t i = rule.phase_begin; i < rule.phase_begin + rule.phase_count; ++i)
    w.off_clock += value_of(net.rule_phases[i].dist, net.rule_phases[i].hash, core::Purpose::phase);
  w.off_clock = bounded(w.off_clock);
  w.held = rule.has_effort ? std::min(value_of(rule.effort, rule.step_hash, core::Purpose::effort), w.clock) : w.clock;
  if (rule.owner_work) w = {0, w.off_clock + w.clock, 0};  // the owner's time: none of it on the statutory clock
  return w;
}

}  // namespace

StepWork draw_step_work(const Network& net, const StepRule& rule, std::uint64_t project_key, std::uint32_t attempt) {
  if (single_duration(rule)) return draw_single_duration(rule, project_key, attempt);
  return assemble(net, rule, [&](const core::Distribution& d, std::uint64_t hash, core::Purpose purpose) {
    if (d.kind == core::DistKind::fixed) return d.a;  // nothing to draw: no stream is keyed for it
    auto rng = step_stream(project_key, hash, attempt, purpose);
    return core::sample(d, rng);
  });
}

StepWork deterministic_step_work(const Network& net, const StepRule& rule) {
  return assemble(net, rule, [](const core::Distribution& d, std::uint64_t, core::Purpose) { return core::deterministic_value(d); });
}

}  // namespace kpsim::engine
