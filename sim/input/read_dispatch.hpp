// The project office's monthly dispatch table (月调度表): a CSV with a row
// per project and month, Chinese headers mapped to fields like the project
// list's:
//   dispatch: {file: F, columns: {项目编号: id, 月份: month,
//              本月完成投资（亿元）: investment, 是否开工: started}}
// Each project becomes observations at its last reported month: the
// investment of all its months summed (a project's months are strongly
// correlated: fitting each would count the same evidence several times),
// and, with a `started` column, whether it had started by then.
#pragma once

#include <string>
#include <vector>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/calibration_spec.hpp"

namespace kpsim::input {

std::vector<model::Observation> read_dispatch_table(const Value& v, const std::string& base_dir);

}  // namespace kpsim::input
