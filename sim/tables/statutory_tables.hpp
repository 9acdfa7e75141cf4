// 法定全流程审批时限 before and after the policies: per template (the
// full process) and per project (what was left of it at the start date).
#pragma once

#include "sim/model/scenario.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::tables {

// Every template some project or arrival stream uses, with the chain of
// steps that sets its total after the policies.
Sheet template_statutory_sheet(const model::Scenario& sc);

// Every project: its template's full total and its own remaining total,
// before and after the policies (statutory_totals.csv).
Sheet project_statutory_sheet(const model::Scenario& sc);

}  // namespace kpsim::tables
