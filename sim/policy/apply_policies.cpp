#include "sim/policy/apply_policies.hpp"

#include <algorithm>

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
    std::vector<std::string> roots = p.state.done;
    double left = p.state.progress;
    for (const model::Step& s : t->steps)  // construction touched by progress, in order
      if (s.type == model::StepType::construction && left > 0) {
        roots.insert(roots.end(), s.after.begin(), s.after.end());
        left -= s.share;
      }
    std::vector<std::string> done = p.state.done;
    for (const std::string& id : done_closure(*t, roots)) {
      const model::Step* s = t->find_step(id);
      if (s && s->type != model::StepType::construction && std::find(done.begin(), done.end(), id) == done.end())
        done.push_back(id);
    }
    p.state.done = std::move(done);
  }
}

}  // namespace

model::Scenario apply_policies(model::Scenario sc, const std::vector<model::Policy>& overlays) {
  std::vector<model::Policy> all = std::move(sc.policies);
  sc.policies.clear();
  all.insert(all.end(), overlays.begin(), overlays.end());
  model::Diagnostics diag;
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
