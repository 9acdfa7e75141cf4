// Where a policy acts: the templates it names (and copies derived for the
// project kinds it names), the steps it selects, and the checks that every
// name it uses exists.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::policy {

struct Context {
  model::Scenario& sc;
  model::Diagnostics& diag;
  const model::Policy& policy;
};

// Indices of the templates in scope: those named (by id or by the template
// they were derived from; all if none). When the policy is for some projects
// only (Policy::projects), templates shared with others are copied for the
// selected projects first.
std::vector<std::size_t> scope_templates(Context& cx, const std::vector<model::Name>& templates);

// Whether a project (an arrival stream) is one the filter selects.
bool in_filter(const model::ProjectFilter& f, const model::Project& p);
bool in_filter(const model::ProjectFilter& f, const model::ArrivalStream& a);

bool matches(const model::StepSelection& sel, const model::Step& s);

// Reports names in the selection that nothing in scope has.
void check_selection(Context& cx, const model::StepSelection& sel, const std::vector<std::size_t>& scope);

// Reports a step id no template in scope has (E-POL-011); true if some has it.
bool check_step(Context& cx, const model::Name& step, const std::vector<std::size_t>& scope);

// A reference to an agency; reports an unknown one.
bool check_agency(Context& cx, const model::Name& agency);

}  // namespace kpsim::policy
