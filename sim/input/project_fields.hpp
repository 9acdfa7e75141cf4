// The fields of a project, shared by the YAML list and the CSV file so that
// both accept the same names and values and report the same errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/input/located_text.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// Scalar field names: id name template class kind level district investment
// land_mu land_pool ready start_target completion_target progress completed_investment
// registered (入库 month) plan (this year's planned investment) category
// (and done, a list of step ids; in CSV separated by ';'); under_way (the
// step in progress at the start), filed (its 受理 date), worked (working days
// of it done).
const std::vector<std::string>& project_field_names();

// A project being read: fields as they arrive, checked against the scenario
// read so far (templates) when finished.
class ProjectReader {
 public:
  ProjectReader(const model::Scenario& scenario, model::Diagnostics& diag, model::SourceLoc where);

  void set(std::string_view field, const Located& value);
  void add_done(const Located& step_id);
  // Checks required fields and cross-references; returns false if any error.
  bool finish(model::Project& out);

 private:
  void check_under_way(const model::Template* tmpl);

  const model::Scenario& scenario_;
  model::Diagnostics& diag_;
  model::Project p_;
  std::vector<Located> done_;
  std::vector<std::string> seen_;
  std::optional<Located> template_, investment_, completed_, land_pool_, under_way_, filed_, worked_;
  std::size_t errors_at_start_;
};

}  // namespace kpsim::input
