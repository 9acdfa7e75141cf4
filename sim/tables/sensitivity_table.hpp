// sensitivity.csv (敏感性分析): for each output, every step, risk and agency
// ranked by its rank correlation with it across the replications, with the
// 90% interval (report/sensitivity_ranking.hpp).
#pragma once

#include <string>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/report/sensitivity.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::tables {

// "政府投资项目 · 环境影响评价审批（生态环境局）", "征迁纠纷", "土地储备中心",
// "G05 土地划拨（土地储备中心）": what an input is, for tables.
std::string input_label(const model::Scenario& sc, const engine::Network& net, const report::SensitivityInput& in);
// Its id: step id (template/step), risk id, agency id, project/step.
std::string input_id(const model::Scenario& sc, const engine::Network& net, const report::SensitivityInput& in);

Sheet sensitivity_sheet(const model::Scenario& sc, const engine::Network& net, const report::MonteCarloForecast& mc);

}  // namespace kpsim::tables
