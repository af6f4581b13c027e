/* Tiers of lazy compilation (hj_ir_options.lazy_tier_up): the symbols a function's
 * baseline code names, which the ir layer emits and the engine links. Its Nth call
 * calls HJ_TIER_UP_HOOK(&HJ_TIER_UP_ENGINE, function): the first argument's value is
 * the engine itself, the second the function's own address (its entry stub). */
#ifndef HJ_COMMON_TIER_UP_H
#define HJ_COMMON_TIER_UP_H

#define HJ_TIER_UP_HOOK "__hotjit_tier_up"
#define HJ_TIER_UP_ENGINE "__hotjit_engine"

#endif
