#include "sim/policy/apply_policies.hpp"

#include <algorithm>

#include "sim/model/statutory_total.hpp"
#include "sim/policy/policies.hpp"
#include "sim/policy/template_edit.hpp"

namespace kpsim::policy {
namespace {

// Writes out every step a project had finished at the start, including those
// implied by its `done` list and its construction progress, so that policies
// that rewire precedence cannot undo work already done.
void expand_done_states(model::Scenario& sc) {
  for (model::Project& p : sc.projects) {
    const model::Template* t = sc.find_template(p.template_id);
    if (!t) continue;
    std::vector<std::string> done = p.state.done;
    for (const std::string& id : model::done_at_start(*t, p)) {
      const model::Step* s = t->find_step(id);
      if (s && s->type != model::StepType::construction && std::find(done.begin(), done.end(), id) == done.end())
        done.push_back(id);
    }
    p.state.done = std::move(done);
  }
}

// What the reports set the policies' effect against: each template's and
// project's statutory total as the scenario wrote it (kept if an earlier
// application already recorded it).
void record_statutory_totals(model::Scenario& sc) {
  for (model::Template& t : sc.templates)
    if (!t.statutory_before) t.statutory_before = model::statutory_total(t).days;
  for (model::Project& p : sc.projects)
    if (const model::Template* t = sc.find_template(p.template_id); t && !p.statutory_before)
      p.statutory_before = model::statutory_remaining(*t, p).days;
}

}  // namespace

model::Scenario apply_policies(model::Scenario sc, const std::vector<model::Policy>& overlays) {
  std::vector<model::Policy> all = std::move(sc.policies);
  sc.policies.clear();
  all.insert(all.end(), overlays.begin(), overlays.end());
  model::Diagnostics diag;
  record_statutory_totals(sc);
  if (!all.empty()) expand_done_states(sc);
  for (const model::Policy& p : all) {
    Context cx{sc, diag, p};
    std::visit([&](const auto& spec) { apply(cx, spec); }, p.spec);
    sc.applied_policies.push_back(p.label);
  }
  diag.throw_if_errors();
  return sc;
}

}  // namespace kpsim::policy
