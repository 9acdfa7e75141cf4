// Policies about when construction may start and which steps a project
// needs at all: early land use, start on land transfer, zone-wide assessments.
#include <algorithm>
#include <set>

#include "sim/core/suggest.hpp"
#include "sim/policy/policies.hpp"
#include "sim/policy/template_edit.hpp"

namespace kpsim::policy {

void apply(Context& cx, const model::EarlyStartPolicy& p) {
  const auto scope = scope_templates(cx, p.scope.templates);
  for (const model::Name& r : p.release) check_step(cx, r, scope);
  if (p.land) check_step(cx, *p.land, scope);
  if (p.required_by) check_step(cx, *p.required_by, scope);
  if (cx.diag.has_errors()) return;
  std::set<std::string> release;
  for (const model::Name& r : p.release) release.insert(r.text);
  bool any = false;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    // Construction steps that wait directly for a released step.
    std::vector<std::string> starts;
    for (const model::Step& s : t.steps)
      if (s.type == model::StepType::construction &&
          std::any_of(s.after.begin(), s.after.end(), [&](const std::string& a) { return release.count(a) > 0; }))
        starts.push_back(s.id);
    if (starts.empty()) continue;
    std::string by;
    if (p.required_by) by = p.required_by->text;
    else
      for (const model::Step& s : t.steps)
        if (s.type == model::StepType::construction) by = s.id;  // the last construction step
    if (!has_step(t, by) || (p.land && !has_step(t, p.land->text))) continue;
    if (std::find(starts.begin(), starts.end(), by) != starts.end()) {
      cx.diag.error("E-POL-020", p.required_by ? p.required_by->loc : cx.policy.loc,
                    "in template '" + t.id + "', '" + by + "' is where construction starts: the released steps must be "
                    "required by a later step ('required_by')");
      return;
    }
    any = true;
    const model::Template before = t;
    for (const std::string& id : starts) {
      model::Step& s = *find_step(t, id);
      for (const std::string& r : release) drop_pred(s, r);
      for (const std::string& pred : preds_bypassing(before, id, release))
        if (!release.count(pred)) add_pred(s, pred);
      if (p.land) add_pred(s, p.land->text);
    }
    model::Step& required = *find_step(t, by);
    for (const std::string& r : release)
      if (has_step(t, r)) add_pred(required, r);
  }
  if (!any) cx.diag.error("E-POL-021", cx.policy.loc, "no construction step in scope waits directly for a released step");
}

void apply(Context& cx, const model::RegionalAssessmentPolicy& p) {
  std::vector<std::string> zones;
  for (const model::Project& pr : cx.sc.projects)
    if (!pr.zone.empty() && std::find(zones.begin(), zones.end(), pr.zone) == zones.end()) zones.push_back(pr.zone);
  for (const model::ArrivalStream& a : cx.sc.arrivals)
    if (!a.zone.empty() && std::find(zones.begin(), zones.end(), a.zone) == zones.end()) zones.push_back(a.zone);
  for (const model::Name& z : p.zones)
    if (std::find(zones.begin(), zones.end(), z.text) == zones.end())
      cx.diag.error("E-POL-022", z.loc, "no project is in zone '" + z.text + "'" + core::did_you_mean(z.text, zones));
  std::vector<std::size_t> all(cx.sc.templates.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (const model::Name& s : p.steps) check_step(cx, s, all);
  if (cx.diag.has_errors()) return;
  auto in_zone = [&](const std::string& zone) {
    return std::any_of(p.zones.begin(), p.zones.end(), [&](const model::Name& z) { return z.text == zone; });
  };
  auto add_skips = [&](const std::string& template_id, std::vector<std::string>& skip) {
    const model::Template* t = cx.sc.find_template(template_id);
    for (const model::Name& s : p.steps)
      if (t && t->find_step(s.text) && std::find(skip.begin(), skip.end(), s.text) == skip.end()) skip.push_back(s.text);
  };
  for (model::Project& pr : cx.sc.projects)
    if (in_zone(pr.zone) && in_filter(cx.policy.projects, pr)) add_skips(pr.template_id, pr.state.skip);
  for (model::ArrivalStream& a : cx.sc.arrivals)
    if (in_zone(a.zone) && in_filter(cx.policy.projects, a)) add_skips(a.template_id, a.skip);
}

}  // namespace kpsim::policy
