// One function per policy kind; apply_policies dispatches to them.
#pragma once

#include "sim/policy/scope.hpp"

namespace kpsim::policy {

void apply(Context& cx, const model::CompressPolicy& p);
void apply(Context& cx, const model::DeemedApprovalPolicy& p);
void apply(Context& cx, const model::CommitmentPolicy& p);
void apply(Context& cx, const model::ParallelPolicy& p);
void apply(Context& cx, const model::OverlapPolicy& p);
void apply(Context& cx, const model::MergePolicy& p);
void apply(Context& cx, const model::PhasedPermitPolicy& p);
void apply(Context& cx, const model::EarlyStartPolicy& p);
void apply(Context& cx, const model::RegionalAssessmentPolicy& p);

// A risk a policy brings with it (容缺 rework, a failed commitment check),
// with an id that keys its own random stream.
model::Risk policy_risk(const Context& cx, const std::string& what, const std::string& step, const std::vector<std::size_t>& scope);

}  // namespace kpsim::policy
