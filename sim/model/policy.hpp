// Approval-reform policies as data: what the planner declared, with the
// location of every name so that applying them can report unknown steps,
// agencies and zones where they were written. sim/policy applies them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::model {

struct Name {
  std::string text;
  SourceLoc loc;
};

// Which template steps a policy acts on: a step is selected when it matches
// any of steps / stages / agencies (or is an approval and all_approvals is
// set, or a land step and all_land is), in a template listed in `templates`
// (all templates if empty). Which projects, Policy::projects says.
struct StepSelection {
  std::vector<Name> steps, stages, agencies, templates;
  bool all_approvals = false, all_land = false;
  SourceLoc loc;
};

// Which projects a policy is for: of a kind in `kinds`, a class in `classes`
// (key, normal) and a level in `levels` (省重点, 市重点 …) — each empty means
// all. When it names any, templates shared with projects outside it are
// copied for the projects inside, so that only they change.
struct ProjectFilter {
  std::vector<Name> kinds, classes, levels;
  bool empty() const { return kinds.empty() && classes.empty() && levels.empty(); }
};

enum class Combine : std::uint8_t { longest, sum };
enum class CompressMode : std::uint8_t { scale, cap };

// 压缩审批时限: full-process approval time from `from` to `to` working days
// (the selected steps scaled by to/from), or to a statutory full-process
// total of `to_total` working days in every template in scope (the selected
// steps scaled by the factor that brings that template's total there).
struct CompressPolicy {
  StepSelection select;
  double from = 0, to = 0;
  std::optional<double> to_total;
  CompressMode mode = CompressMode::scale;
};

// 联审联批 / 并联审批: the selected steps lose their mutual precedence.
struct ParallelPolicy {
  StepSelection select;
};

// 容缺受理: `step` may start when `after` is `fraction` done; with
// `rework_probability` it must then be done again.
struct OverlapPolicy {
  Name step, after;
  double fraction = 0.5;
  double rework_probability = 0;
  std::vector<Name> templates;
};

enum class CommitmentFailure : std::uint8_t { rework, halt };

// 告知承诺制: `step` becomes a short commitment; with `failure_probability`
// the later check at `check_at` fails and costs the step's original review
// time there (rework) or halts the work for `halt` working days.
struct CommitmentPolicy {
  Name step;
  core::Distribution duration;
  Name check_at;
  double failure_probability = 0;
  CommitmentFailure on_failure = CommitmentFailure::rework;
  core::Distribution halt;
  std::vector<Name> templates;
};

// 多评合一 / 多图联审 / 联合验收: several steps become one.
struct MergePolicy {
  std::vector<Name> steps;
  Name id;
  std::string name;
  Name agency;                              // default: the first step's
  std::optional<core::Distribution> duration;  // else combine the parts' own draws
  Combine combine = Combine::longest;
  std::optional<double> limit;              // default: combined like the durations
  std::vector<Name> templates;
};

// 区域评估: projects in these zones skip these assessments.
struct RegionalAssessmentPolicy {
  std::vector<Name> zones, steps;
};

// 先行用地 (early_land) and 拿地即开工 (start_on_land): construction no longer
// waits for `release` (land or permit steps), which must instead finish
// before `required_by` (default: the last construction step). With `land`,
// construction waits for that step instead (start on land transfer).
struct EarlyStartPolicy {
  bool on_land = false;  // start_on_land
  std::vector<Name> release;
  std::optional<Name> land;
  std::optional<Name> required_by;
  StepSelection scope;  // templates it applies to
};

// 超时默认制: selected steps count as approved when their statutory clock
// reaches the limit.
struct DeemedApprovalPolicy {
  StepSelection select;
};

// 分段施工许可: `early` construction steps may start on a partial permit
// (a new step `partial_id` with `duration`, served like `permit`) while the
// full `permit` is still required by the construction that follows them.
struct PhasedPermitPolicy {
  Name permit;
  Name partial_id;
  std::string partial_name;
  core::Distribution duration;
  std::vector<Name> early;
  std::vector<Name> templates;
};

using PolicySpec = std::variant<CompressPolicy, ParallelPolicy, OverlapPolicy, CommitmentPolicy, MergePolicy,
                                RegionalAssessmentPolicy, EarlyStartPolicy, DeemedApprovalPolicy, PhasedPermitPolicy>;

struct Policy {
  std::string label;  // what reports call it; default: its kind
  PolicySpec spec;
  ProjectFilter projects;
  SourceLoc loc;
};

}  // namespace kpsim::model
