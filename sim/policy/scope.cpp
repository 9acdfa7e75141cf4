#include "sim/policy/scope.hpp"

#include <algorithm>
#include <set>

#include "sim/core/suggest.hpp"

namespace kpsim::policy {
namespace {

bool contains(const std::vector<model::Name>& names, const std::string& x) {
  return std::any_of(names.begin(), names.end(), [&](const model::Name& n) { return n.text == x; });
}

std::string kind_name(model::ProjectKind k) { return std::string(model::to_string(k)); }

std::string unique_template_id(const model::Scenario& sc, const std::string& base) {
  std::string id = base;
  for (int n = 2; sc.find_template(id); ++n) id = base + "#" + std::to_string(n);
  return id;
}

// Copies template ti for the projects and arrival streams of `kinds` when
// other kinds share it; returns the template the selected projects now use
// (or npos when none of them uses it).
std::size_t derive_for_kinds(Context& cx, std::size_t ti, const std::vector<model::Name>& kinds) {
  model::Scenario& sc = cx.sc;
  const std::string id = sc.templates[ti].id;
  bool selected = false, others = false;
  for (const model::Project& p : sc.projects)
    if (p.template_id == id) (contains(kinds, kind_name(p.kind)) ? selected : others) = true;
  for (const model::ArrivalStream& a : sc.arrivals)
    if (a.template_id == id) (contains(kinds, kind_name(a.kind)) ? selected : others) = true;
  if (!selected) return std::string::npos;
  if (!others) return ti;
  model::Template copy = sc.templates[ti];
  copy.id = unique_template_id(sc, id + "~" + cx.policy.label);
  for (model::Project& p : sc.projects)
    if (p.template_id == id && contains(kinds, kind_name(p.kind))) p.template_id = copy.id;
  for (model::ArrivalStream& a : sc.arrivals)
    if (a.template_id == id && contains(kinds, kind_name(a.kind))) a.template_id = copy.id;
  sc.templates.push_back(std::move(copy));
  return sc.templates.size() - 1;
}

}  // namespace

std::vector<std::size_t> scope_templates(Context& cx, const std::vector<model::Name>& templates,
                                         const std::vector<model::Name>& kinds) {
  model::Scenario& sc = cx.sc;
  std::vector<std::string> families, names;
  for (const model::Template& t : sc.templates)
    if (std::find(families.begin(), families.end(), t.family) == families.end())
      families.push_back(t.family), names.push_back(t.name);
  for (const model::Name& n : templates)
    if (std::find(families.begin(), families.end(), n.text) == families.end())
      cx.diag.error("E-REF-001", n.loc, "unknown template '" + n.text + "'" + core::did_you_mean(n.text, families, names));
  std::vector<std::size_t> scope;
  const std::size_t original = sc.templates.size();
  for (std::size_t ti = 0; ti < original; ++ti) {
    if (!templates.empty() && !contains(templates, sc.templates[ti].family)) continue;
    const std::size_t at = kinds.empty() ? ti : derive_for_kinds(cx, ti, kinds);
    if (at != std::string::npos) scope.push_back(at);
  }
  return scope;
}

bool matches(const model::StepSelection& sel, const model::Step& s) {
  if (sel.all_approvals && s.type == model::StepType::approval) return true;
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
