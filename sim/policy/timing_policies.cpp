// Policies that change how long steps take: compress, deemed approval,
// approval by commitment.
#include <algorithm>

#include "sim/core/decimal.hpp"
#include "sim/core/distribution.hpp"
#include "sim/model/statutory_total.hpp"
#include "sim/policy/policies.hpp"
#include "sim/policy/template_edit.hpp"

namespace kpsim::policy {
namespace {

// Every duration on the statutory clock, scaled; reviewer effort and
// off-clock phases are not what a time limit compresses.
void scale_clock_time(model::Step& s, double k) {
  s.duration = core::scaled(s.duration, k);
  for (model::MergedPart& part : s.parts) part.duration = core::scaled(part.duration, k);
  if (s.limit) *s.limit *= k;
  if (s.cap) *s.cap *= k;
}

// Working days as the summary prints them: one decimal, none when whole.
std::string days_text(double d) {
  std::string s = core::decimal(d, 1);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// The template's statutory total with the selected steps' statutory days
// scaled by k.
double total_scaled(const model::Template& t, const std::vector<char>& selected, double k) {
  return model::statutory_total(t, [&](std::size_t s) { return model::statutory_days(t.steps[s]) * (selected[s] ? k : 1.0); })
      .days;
}

// The factor for the selected steps that brings the template's statutory
// total to `target` (the total is continuous and non-decreasing in it);
// nullopt when the steps left alone exceed the target by themselves.
std::optional<double> factor_to_total(const model::Template& t, const std::vector<char>& selected, double target) {
  if (total_scaled(t, selected, 1.0) <= target) return 1.0;
  if (total_scaled(t, selected, 0.0) > target + 1e-9) return std::nullopt;
  double lo = 0, hi = 1;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (total_scaled(t, selected, mid) > target ? hi : lo) = mid;
  }
  return lo;
}

}  // namespace

model::Risk policy_risk(const Context& cx, const std::string& what, const std::string& step, const std::vector<std::size_t>& scope) {
  model::Risk r;
  r.id = "policy:" + cx.policy.label + ":" + what + ":" + step;
  r.name = cx.policy.label + " · " + what;
  r.loc = cx.policy.loc;
  r.target.step = step;
  for (std::size_t ti : scope) r.target.templates.push_back(cx.sc.templates[ti].id);
  return r;
}

void apply(Context& cx, const model::CompressPolicy& p) {
  const std::size_t errors = cx.diag.errors().size();
  const auto scope = scope_templates(cx, p.select.templates);
  check_selection(cx, p.select, scope);
  bool any = false;
  std::string effect;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    std::vector<char> selected(t.steps.size(), 0);
    std::string names, left;
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
      const model::Step& s = t.steps[i];
      selected[i] = s.type != model::StepType::construction && matches(p.select, s);
      if (selected[i]) names += (names.empty() ? "" : ", ") + s.id;
    }
    if (names.empty()) continue;
    any = true;
    const model::StatutoryTotal before = model::statutory_total(t);
    for (std::size_t i : before.chain)
      if (!selected[i]) left += (left.empty() ? "" : ", ") + t.steps[i].id + " (" + std::string(model::to_string(t.steps[i].type)) + ")";
    double k = p.from > 0 ? p.to / p.from : 1.0;
    if (p.to_total) {
      const auto factor = factor_to_total(t, selected, *p.to_total);
      if (!factor) {
        cx.diag.error("E-POL-028", p.select.loc,
                      "template '" + t.id + "': the steps not selected take " + days_text(total_scaled(t, selected, 0.0)) +
                          " statutory working days on their own, more than to_total " + days_text(*p.to_total) +
                          (left.empty() ? "" : " (not selected on the chain: " + left + ")") +
                          ": select them too (all_land: true selects the land steps)");
        continue;
      }
      k = *factor;
    }
    if (k == 1.0 && p.to_total) {
      effect += "\n  template '" + t.id + "': statutory total " + days_text(before.days) + ", already within " +
                days_text(*p.to_total) + ": unchanged";
      continue;
    }
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
      if (!selected[i]) continue;
      model::Step& s = t.steps[i];
      if (p.mode == model::CompressMode::scale) {
        scale_clock_time(s, k);
      } else {
        const double limit = s.limit.value_or(core::deterministic_value(s.duration)) * k;
        s.limit = limit;
        s.cap = std::min(s.cap.value_or(limit), limit);
      }
    }
    effect += "\n  template '" + t.id + "': statutory total " + days_text(before.days) + " → " +
              days_text(model::statutory_total(t).days) + " working days; " +
              (p.mode == model::CompressMode::scale ? "scaled" : "limits capped") + " ×" + days_text(k * 100) + "%: " +
              names + (left.empty() ? "" : "; on the chain, not selected: " + left);
  }
  if (!any && cx.diag.errors().size() == errors)
    cx.diag.error("E-POL-013", p.select.loc, "the selection matches no approval or land step");
  if (any) cx.sc.policy_effects.push_back(cx.policy.label + " (compress)" + effect);
}

void apply(Context& cx, const model::DeemedApprovalPolicy& p) {
  const std::size_t errors = cx.diag.errors().size();
  const auto scope = scope_templates(cx, p.select.templates);
  check_selection(cx, p.select, scope);
  bool any = false;
  for (std::size_t ti : scope)
    for (model::Step& s : cx.sc.templates[ti].steps)
      if (s.type != model::StepType::construction && matches(p.select, s) && s.limit) s.deemed = any = true;
  if (!any && cx.diag.errors().size() == errors) cx.diag.error("E-POL-014", p.select.loc, "no selected step has a statutory limit to be deemed approved at");
}

void apply(Context& cx, const model::CommitmentPolicy& p) {
  const auto scope = scope_templates(cx, p.templates);
  if (!check_step(cx, p.step, scope) || !check_step(cx, p.check_at, scope)) return;
  std::vector<std::size_t> acted;
  core::Distribution original;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    model::Step* s = find_step(t, p.step.text);
    if (!s || !has_step(t, p.check_at.text)) continue;
    if (!depends_on(t, p.check_at.text, p.step.text)) {
      cx.diag.error("E-POL-015", p.check_at.loc, "in template '" + t.id + "', '" + p.check_at.text + "' does not come after '" +
                                                     p.step.text + "': the check must follow the commitment");
      return;
    }
    original = s->duration;
    s->duration = p.duration;
    s->parts.clear();
    s->off_clock.clear();
    s->effort.reset();
    s->cap.reset();
    acted.push_back(ti);
  }
  if (acted.empty() || p.failure_probability == 0) return;
  model::Risk r = policy_risk(cx, "check", p.check_at.text, acted);
  r.probability = p.failure_probability;
  // Rework: the review skipped now is done when the check fails.
  r.effect = p.on_failure == model::CommitmentFailure::rework ? model::RiskEffect::delay : model::RiskEffect::stall;
  r.amount = p.on_failure == model::CommitmentFailure::rework ? original : p.halt;
  cx.sc.risks.push_back(std::move(r));
}

}  // namespace kpsim::policy
