#include "sim/policy/scope.hpp"

#include <algorithm>
#include <set>

#include "sim/core/suggest.hpp"

namespace kpsim::policy {
namespace {

bool contains(const std::vector<model::Name>& names, const std::string& x) {
  return std::any_of(names.begin(), names.end(), [&](const model::Name& n) { return n.text == x; });
}

std::string unique_template_id(const model::Scenario& sc, const std::string& base) {
  std::string id = base;
  for (int n = 2; sc.find_template(id); ++n) id = base + "#" + std::to_string(n);
  return id;
}

bool admits(const std::vector<model::Name>& names, std::string_view x) {
  return names.empty() || contains(names, std::string(x));
}

// Copies template ti for the projects and arrival streams the policy is for
// when others share it; returns the template the selected projects now use
// (or npos when none of them uses it).
std::size_t derive_for_projects(Context& cx, std::size_t ti) {
  model::Scenario& sc = cx.sc;
  const std::string id = sc.templates[ti].id;
  bool selected = false, others = false;
  for (const model::Project& p : sc.projects)
    if (p.template_id == id) (in_filter(cx.policy.projects, p) ? selected : others) = true;
  for (const model::ArrivalStream& a : sc.arrivals)
    if (a.template_id == id) (in_filter(cx.policy.projects, a) ? selected : others) = true;
  if (!selected) return std::string::npos;
  if (!others) return ti;
  model::Template copy = sc.templates[ti];
  copy.id = unique_template_id(sc, id + "~" + cx.policy.label);
  for (model::Project& p : sc.projects)
    if (p.template_id == id && in_filter(cx.policy.projects, p)) p.template_id = copy.id;
  for (model::ArrivalStream& a : sc.arrivals)
    if (a.template_id == id && in_filter(cx.policy.projects, a)) a.template_id = copy.id;
  sc.templates.push_back(std::move(copy));
  return sc.templates.size() - 1;
}

// Reports a level no project has, and a filter that selects no project.
void check_filter(Context& cx) {
  const model::ProjectFilter& f = cx.policy.projects;
  if (f.empty()) return;
  std::vector<std::string> levels;
  for (const model::Project& p : cx.sc.projects)
    if (!p.level.empty() && std::find(levels.begin(), levels.end(), p.level) == levels.end()) levels.push_back(p.level);
  bool unknown = false;
  for (const model::Name& n : f.levels)
    if (std::find(levels.begin(), levels.end(), n.text) == levels.end()) {
      unknown = true;
      cx.diag.error("E-POL-026", n.loc, "no project has level '" + n.text + "'" +
                                            (levels.empty() ? std::string(" (no project has a level)") : core::did_you_mean(n.text, levels)));
    }
  if (unknown) return;
  const bool any = std::any_of(cx.sc.projects.begin(), cx.sc.projects.end(), [&](const model::Project& p) { return in_filter(f, p); }) ||
                   std::any_of(cx.sc.arrivals.begin(), cx.sc.arrivals.end(), [&](const model::ArrivalStream& a) { return in_filter(f, a); });
  const model::Name& first = !f.kinds.empty() ? f.kinds[0] : !f.classes.empty() ? f.classes[0] : f.levels[0];
  if (!any) cx.diag.error("E-POL-027", first.loc, "the policy's kinds, classes and levels together select no project");
}

}  // namespace

bool in_filter(const model::ProjectFilter& f, const model::Project& p) {
  return admits(f.kinds, model::to_string(p.kind)) && admits(f.classes, model::to_string(p.project_class)) &&
         admits(f.levels, p.level);
}

bool in_filter(const model::ProjectFilter& f, const model::ArrivalStream& a) {
  return admits(f.kinds, model::to_string(a.kind)) && admits(f.classes, model::to_string(a.project_class)) &&
         f.levels.empty();  // arrivals have no level yet
}

std::vector<std::size_t> scope_templates(Context& cx, const std::vector<model::Name>& templates) {
  model::Scenario& sc = cx.sc;
  std::vector<std::string> families, names;
  for (const model::Template& t : sc.templates)
    if (std::find(families.begin(), families.end(), t.family) == families.end())
      families.push_back(t.family), names.push_back(t.name);
  for (const model::Name& n : templates)
    if (std::find(families.begin(), families.end(), n.text) == families.end())
      cx.diag.error("E-REF-001", n.loc, "unknown template '" + n.text + "'" + core::did_you_mean(n.text, families, names));
  check_filter(cx);
  std::vector<std::size_t> scope;
  const std::size_t original = sc.templates.size();
  for (std::size_t ti = 0; ti < original; ++ti) {
    if (!templates.empty() && !contains(templates, sc.templates[ti].family)) continue;
    const std::size_t at = cx.policy.projects.empty() ? ti : derive_for_projects(cx, ti);
    if (at != std::string::npos) scope.push_back(at);
  }
  return scope;
}

bool matches(const model::StepSelection& sel, const model::Step& s) {
  if (sel.all_approvals && s.type == model::StepType::approval) return true;
  if (sel.all_land && s.type == model::StepType::land) return true;
  return contains(sel.steps, s.id) || (!s.stage.empty() && contains(sel.stages, s.stage)) ||
         (!s.agency.empty() && contains(sel.agencies, s.agency));
}

void check_selection(Context& cx, const model::StepSelection& sel, const std::vector<std::size_t>& scope) {
  for (const model::Name& n : sel.steps) check_step(cx, n, scope);
  std::vector<std::string> stages;
  for (std::size_t ti : scope)
    for (const model::Step& s : cx.sc.templates[ti].steps)
      if (!s.stage.empty() && std::find(stages.begin(), stages.end(), s.stage) == stages.end()) stages.push_back(s.stage);
  for (const model::Name& n : sel.stages)
    if (std::find(stages.begin(), stages.end(), n.text) == stages.end())
      cx.diag.error("E-POL-012", n.loc, "no step in scope is in stage '" + n.text + "'" + core::did_you_mean(n.text, stages));
  for (const model::Name& n : sel.agencies) check_agency(cx, n);
}

bool check_step(Context& cx, const model::Name& step, const std::vector<std::size_t>& scope) {
  std::vector<std::string> ids, names;
  for (std::size_t ti : scope)
    for (const model::Step& s : cx.sc.templates[ti].steps) {
      if (s.id == step.text) return true;
      ids.push_back(s.id), names.push_back(s.name);
    }
  cx.diag.error("E-POL-011", step.loc,
                "no template in scope has a step '" + step.text + "'" + core::did_you_mean(step.text, ids, names));
  return false;
}

bool check_agency(Context& cx, const model::Name& agency) {
  if (cx.sc.find_agency(agency.text)) return true;
  std::vector<std::string> ids, names;
  for (const model::Agency& a : cx.sc.agencies) ids.push_back(a.id), names.push_back(a.name);
  cx.diag.error("E-REF-001", agency.loc, "unknown agency '" + agency.text + "'" + core::did_you_mean(agency.text, ids, names));
  return false;
}

}  // namespace kpsim::policy
