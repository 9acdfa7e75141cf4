#include "sim/python/scenario_handle.hpp"

#include <algorithm>

#include "sim/cli/forecasts.hpp"
#include "sim/policy/apply_policies.hpp"

namespace kpsim::python {
namespace {

// Where a value set from Python is reported: the call, by its path.
model::SourceLoc set_call(const std::string& path) { return {"set()", 0, 0, path}; }

}  // namespace

ScenarioHandle::ScenarioHandle(std::string path, std::vector<std::string> overlays)
    : path_(std::move(path)), overlays_(std::move(overlays)) {
  model::Diagnostics diag;
  std::vector<model::SourceLoc> named_at{{path_, 0, 0, "load()"}};
  for (const std::string& o : overlays_) named_at.push_back({o, 0, 0, "policies"});
  auto edits = std::make_shared<sweep::ScenarioEdits>(path_, overlays_, diag, named_at);
  diag.throw_if_errors();
  edits_ = std::move(edits);
}

ScenarioHandle ScenarioHandle::with_overlay(const std::string& overlay) const {
  std::vector<std::string> overlays = overlays_;
  overlays.push_back(overlay);
  ScenarioHandle h(path_, std::move(overlays));
  // The sources before the new overlay are the same files in the same
  // order, so the values resolved in them stay where they are.
  h.assignments_ = assignments_;
  return h;
}

sweep::EditTarget ScenarioHandle::resolve(const std::string& path) const {
  model::Diagnostics diag;
  auto target = edits_->resolve(path, set_call(path), diag);
  diag.throw_if_errors();
  return *target;
}

void ScenarioHandle::set(const std::string& path, const std::string& text, const std::string& kind) {
  const sweep::EditTarget target = resolve(path);
  if (!sweep::compatible_kinds(target.kind, kind))
    throw model::InputError({{"E-SWP-012", set_call(path),
                              "expected " + target.kind + " like the value at " + path + " (" + target.text + "), got " + kind}});
  // A second value at the same place replaces the first.
  std::erase_if(assignments_, [&](const Assignment& a) {
    return a.target.source == target.source && a.target.span.begin == target.span.begin;
  });
  assignments_.push_back({path, target, text});
}

std::string ScenarioHandle::get(const std::string& path) const {
  const sweep::EditTarget target = resolve(path);
  for (const Assignment& a : assignments_)
    if (a.target.source == target.source && a.target.span.begin == target.span.begin) return a.text;
  return edits_->overlay_value(target).value_or(target.text);
}

std::vector<std::pair<std::string, std::string>> ScenarioHandle::assignments() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Assignment& a : assignments_) out.emplace_back(a.path, a.text);
  return out;
}

model::Scenario ScenarioHandle::scenario() const {
  if (assignments_.empty()) return cli::load_with_policies(path_, overlays_);  // exactly as `kpsim run` reads it
  sweep::ScenarioEdits::Edits edits;
  for (const Assignment& a : assignments_) edits.emplace_back(&a.target, a.text);
  return policy::apply_policies(edits_->edited_scenario(edits), edits_->overlay_policies(edits));
}

}  // namespace kpsim::python
