// Policies that change how long steps take: compress, deemed approval,
// approval by commitment.
#include <algorithm>

#include "sim/core/distribution.hpp"
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
  const auto scope = scope_templates(cx, p.select.templates, p.select.kinds);
  const std::size_t errors = cx.diag.errors().size();
  check_selection(cx, p.select, scope);
  const double k = p.to / p.from;
  bool any = false;
  for (std::size_t ti : scope)
    for (model::Step& s : cx.sc.templates[ti].steps) {
      if (s.type == model::StepType::construction || !matches(p.select, s)) continue;
      any = true;
      if (p.mode == model::CompressMode::scale) {
        scale_clock_time(s, k);
      } else {
        const double limit = s.limit.value_or(core::deterministic_value(s.duration)) * k;
        s.limit = limit;
        s.cap = std::min(s.cap.value_or(limit), limit);
      }
    }
  if (!any && cx.diag.errors().size() == errors)
    cx.diag.error("E-POL-013", p.select.loc, "the selection matches no approval or land step");
}

void apply(Context& cx, const model::DeemedApprovalPolicy& p) {
  const auto scope = scope_templates(cx, p.select.templates, p.select.kinds);
  const std::size_t errors = cx.diag.errors().size();
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
