// The observations compiled against a scenario: for each, what to read from
// a replication's forecast so that the simulated value is the same figure,
// on the same basis, as the one the city published.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/calibration_spec.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/forecast.hpp"
#include "sim/report/reporting_basis.hpp"

namespace kpsim::calibrate {

class Observables {
 public:
  // Checks every observation against the scenario (a date in the horizon, a
  // known category, district and project); errors go to `diag`.
  Observables(const std::vector<model::Observation>& observations, const model::Scenario& scenario,
              const engine::Network& net, const report::ReportingBasis& basis, model::Diagnostics& diag);

  std::size_t size() const { return items_.size(); }
  // Whether forecasts must keep each project's months (districts, dispatch tables).
  bool needs_project_months() const { return project_months_; }
  // A 0/1 observation (a project started or not), fitted as a Bernoulli.
  bool binary(std::size_t i) const { return items_[i].binary; }

  // The simulated values of one replication; `approval_days` per project
  // (report::approval_days). NaN where a replication has no value (a mean
  // of approval times when no approval finished).
  void measure(const report::Forecast& f, const std::vector<double>& approval_days, std::span<double> out) const;

 private:
  struct Item {
    model::ObservationKind kind;
    model::CountWhat what;
    bool key_only = false, binary = false;
    std::int32_t day = 0;        // counts: the date, as a day of the horizon
    std::size_t months = 0;      // investment: months summed, from the first
    std::int32_t category = -1;  // investment: only this category
    std::vector<std::uint32_t> projects;  // a district's projects, or the one project
  };
  std::vector<Item> items_;
  const engine::Network& net_;
  bool project_months_ = false;
};

}  // namespace kpsim::calibrate
