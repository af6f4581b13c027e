// Lazy compilation's module surgery: the one C++ file of hotjit.
//
// Why C++: a lazily compiled function must be taken out of its module into a module of
// its own, at a cost that depends on the function and not on the module. LLVM's C API
// cannot copy a function between modules: the pure-C route (reload the module's bitcode
// lazily, turn every other function into a declaration, link the rest into an empty
// module) costs about 6 + 3 + 1.5 ms per function on a 3,000-function module and grows
// with it (measured while planning, ../shared/DESIGN.md). CloneFunctionInto with a
// ValueMaterializer copies one body and declares, on demand, only the globals it uses:
// measured here at tens of microseconds, flat in the module's size (bench/README.md).
// Everything else in the ir layer stays C.
#include "ir/extract.h"

#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/Analysis/CFG.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DebugInfo.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/GlobalAlias.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Metadata.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm/Transforms/Utils/ValueMapper.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

using namespace llvm;

namespace {

// Bodies of lazily read bitcode are parsed when first needed, here; debug information
// is not kept (hotjit registers no debug info for JIT code).
bool materialize(Function &f, std::string &error)
{
    if (Error e = f.materialize()) {
        error = "cannot read the body of '" + f.getName().str() + "': " + toString(std::move(e));
        return false;
    }
    stripDebugInfo(f);
    return true;
}

// Is there, in the constant or its operands (not inside other globals), one `is` accepts?
// Each subexpression is looked at once.
template <typename Is>
bool contains_constant(const Constant *c, Is is, SmallPtrSetImpl<const Constant *> &seen)
{
    if (is(c))
        return true;
    if (isa<GlobalValue>(c) || !seen.insert(c).second)
        return false;
    for (const Use &op : c->operands())
        if (const auto *k = dyn_cast<Constant>(op.get()); k && contains_constant(k, is, seen))
            return true;
    return false;
}

// A global whose initializer holds a label address of a function (a computed-goto
// table) cannot live apart from that function: it stays module-local and goes with it.
bool holds_block_address(const GlobalVariable &var)
{
    SmallPtrSet<const Constant *, 16> seen;
    auto is_label = [](const Constant *c) { return isa<BlockAddress>(c); };
    return var.hasInitializer() && contains_constant(var.getInitializer(), is_label, seen);
}

bool goes_with_its_function(const GlobalValue &gv)
{
    const auto *var = dyn_cast<GlobalVariable>(&gv);
    return var && var->hasLocalLinkage() && holds_block_address(*var);
}

// Does the constant name a label table (directly, not through another global)?
bool refers_to_label_table(const Constant *c, SmallPtrSetImpl<const Constant *> &seen)
{
    auto is_table = [](const Constant *k) {
        const auto *gv = dyn_cast<GlobalValue>(k);
        return gv && goes_with_its_function(*gv);
    };
    return contains_constant(c, is_table, seen);
}

// Declares, in the new module, each global the copied bodies use: only those.
class Declarer final : public ValueMaterializer {
public:
    explicit Declarer(Module &dst) : dst_(dst) {}

    Value *materialize(Value *v) override
    {
        auto *gv = dyn_cast<GlobalValue>(v);
        if (!gv)
            return nullptr;
        if (goes_with_its_function(*gv))
            return copy_local(cast<GlobalVariable>(*gv));
        auto *inline_copy = dyn_cast<Function>(gv);
        if (inline_copy && inline_copy->hasAvailableExternallyLinkage() &&
            std::find(taken.begin(), taken.end(), inline_copy) == taken.end())
            return copy_available(*inline_copy); // its address is the real one's: declared
        if (GlobalValue *known = dst_.getNamedValue(gv->getName()))
            return known;
        if (Function *target = function_aliased(*gv))
            return ConstantExpr::getPointerCast(target, gv->getType());
        return declare(*gv);
    }

    // Bodies still to copy: functions first met as operands.
    std::vector<std::pair<Function *, Function *>> pending;
    // Functions whose address the copied bodies take (members()).
    std::vector<Function *> taken;

    // Locals copied with their function get their initializers once its body exists.
    void finish(ValueToValueMapTy &vmap)
    {
        for (size_t i = 0; i < locals_.size(); i++) // mapping may add more
            locals_[i].second->setInitializer(
                MapValue(locals_[i].first->getInitializer(), vmap, RF_None, nullptr, this));
    }

private:
    // An alias of a function the part only declares: named as that function, so that the
    // optimiser does not take the two for distinct functions (and fold `alias == f` to
    // false). Where the part defines the function (its own, a copy), the alias stays a
    // name of its own: the stub both share.
    Function *function_aliased(const GlobalValue &gv)
    {
        const auto *alias = dyn_cast<GlobalAlias>(&gv);
        auto *target =
            alias ? dyn_cast<Function>(alias->getAliasee()->stripPointerCasts()) : nullptr;
        if (!target || target->hasAvailableExternallyLinkage())
            return nullptr;
        GlobalValue *known = dst_.getNamedValue(target->getName());
        if (known && !known->isDeclaration())
            return nullptr;
        return cast<Function>(known ? known : declare(*target));
    }

    GlobalValue *declare(const GlobalValue &gv)
    {
        GlobalValue *out;
        if (auto *type = dyn_cast<FunctionType>(gv.getValueType())) {
            Function *f = Function::Create(type, GlobalValue::ExternalLinkage,
                                           gv.getAddressSpace(), gv.getName(), &dst_);
            if (const auto *src = dyn_cast<Function>(&gv)) {
                f->setCallingConv(src->getCallingConv());
                f->setAttributes(src->getAttributes());
            }
            out = f;
        } else {
            const auto *src = dyn_cast<GlobalVariable>(&gv);
            auto *var = new GlobalVariable(dst_, gv.getValueType(), src && src->isConstant(),
                                           GlobalValue::ExternalLinkage, nullptr, gv.getName(),
                                           nullptr, gv.getThreadLocalMode(), gv.getAddressSpace());
            if (src)
                var->setAlignment(src->getAlign());
            out = var;
        }
        out->setVisibility(gv.getVisibility());
        out->setDSOLocal(gv.isDSOLocal());
        if (gv.isThreadLocal()) { // local-dynamic would name this module's (empty) TLS block
            out->setVisibility(GlobalValue::DefaultVisibility);
            out->setDSOLocal(false);
        }
        if (gv.hasExternalWeakLinkage())
            out->setLinkage(GlobalValue::ExternalWeakLinkage);
        return out;
    }

    // An available_externally function (e.g. a member of an `extern template` class)
    // promises a definition elsewhere that the library may not export: a module-local
    // copy, inlined or called, is always right.
    Function *copy_available(Function &f)
    {
        Function *copy = Function::Create(f.getFunctionType(), GlobalValue::InternalLinkage,
                                          f.getAddressSpace(), f.getName(), &dst_);
        pending.emplace_back(&f, copy);
        return copy;
    }

    GlobalVariable *copy_local(GlobalVariable &gv)
    {
        auto *var = new GlobalVariable(dst_, gv.getValueType(), gv.isConstant(), gv.getLinkage(),
                                       nullptr, gv.getName(), nullptr, gv.getThreadLocalMode(),
                                       gv.getAddressSpace());
        var->copyAttributesFrom(&gv);
        var->setComdat(nullptr);
        locals_.emplace_back(&gv, var);
        return var;
    }

    Module &dst_;
    std::vector<std::pair<GlobalVariable *, GlobalVariable *>> locals_;
};

// What goes with `f`: module-local copies of the functions of its module it calls, for
// the optimiser to inline as it would have in the whole module. A copy it does not inline
// is compiled privately (an internal function is only called). Functions whose address
// the partition takes are never copied: their address is their entry stub.
bool may_go_along(Function &f, Function *callee)
{
    return callee && callee != &f && !callee->isDeclaration() && !callee->isIntrinsic() &&
           !callee->hasAvailableExternallyLinkage() && // copied anyway
           !callee->isInterposable() &&                // a weak default another module may beat
           !callee->hasFnAttribute(Attribute::NoInline) && !callee->isVarArg();
}

bool contains(const std::vector<Function *> &list, const Function *f)
{
    return std::find(list.begin(), list.end(), f) != list.end();
}

// Functions inside a constant: through casts to integers, address arithmetic,
// aggregates and the label tables that go with the part (their initializers are copied
// too), not only pointer casts (`(uintptr_t)f` is a ptrtoint). Each constant is looked
// into once (shared subexpressions).
void note_functions_in(const Constant *c, std::vector<Function *> &taken,
                       SmallPtrSetImpl<const Constant *> &seen)
{
    if (auto *g = dyn_cast<Function>(c)) {
        if (!contains(taken, g))
            taken.push_back(const_cast<Function *>(g));
        return;
    }
    if (!seen.insert(c).second)
        return;
    if (auto *gv = dyn_cast<GlobalValue>(c)) {
        if (goes_with_its_function(*gv))
            note_functions_in(cast<GlobalVariable>(gv)->getInitializer(), taken, seen);
        return;
    }
    for (const Use &op : c->operands())
        if (const auto *k = dyn_cast<Constant>(op.get()))
            note_functions_in(k, taken, seen);
}

// A function using a label table is never copied into another part: each copy would
// get a table of its own (a writable one's state split, its address no longer one).
bool uses_label_table(Function &g)
{
    SmallPtrSet<const Constant *, 32> seen;
    for (Instruction &inst : instructions(g))
        for (Use &op : inst.operands())
            if (const auto *c = dyn_cast<Constant>(op.get()); c && refers_to_label_table(c, seen))
                return true;
    return false;
}

// Inline assembly that places data of its own (`.pushsection .data` and a counter,
// say): each version of the function would have its own. (A copy inlined elsewhere
// may have its own, as natively: compilers duplicate such asm when they inline.)
bool asm_has_data(Function &g)
{
    static const char *const directives[] = {"section", ".data", ".bss", ".comm", ".lcomm"};
    for (Instruction &inst : instructions(g))
        if (const auto *call = dyn_cast<CallBase>(&inst))
            if (const auto *ia = dyn_cast<InlineAsm>(call->getCalledOperand()))
                for (const char *d : directives)
                    if (ia->getAsmString().find(d) != std::string::npos)
                        return true;
    return false;
}

// Functions a body uses other than as the callee of a call.
void note_addresses(Function &body, std::vector<Function *> &taken)
{
    SmallPtrSet<const Constant *, 32> seen;
    for (Instruction &inst : instructions(body))
        for (Use &op : inst.operands()) {
            auto *call = dyn_cast<CallBase>(&inst);
            if (call && call->isCallee(&op) && isa<Function>(op.get()))
                continue;
            if (const auto *c = dyn_cast<Constant>(op.get()))
                note_functions_in(c, taken, seen);
        }
}

const char *const suffix_key = "hotjit.lazy.suffix";

// The name suffix of the module's promoted locals (hj_ir_lazy_prepare), or "".
StringRef promotion_suffix(const Module &m)
{
    const NamedMDNode *node = m.getNamedMetadata(suffix_key);
    const auto *suffix = node && node->getNumOperands()
                             ? dyn_cast<MDString>(node->getOperand(0)->getOperand(0)) : nullptr;
    return suffix ? suffix->getString() : StringRef();
}

// A static function called from one place only: in the whole module the optimiser
// inlines it there whatever its size (the bonus for a static's last call), so it never
// runs on its own. Its one caller's part is where it belongs. (Where this is asked, all
// bodies were read at open: the one use seen is the only one.)
bool called_once(const Function &g, StringRef suffix)
{
    if (suffix.empty() || !g.getName().endswith(suffix) || !g.hasOneUse())
        return false;
    const auto *call = dyn_cast<CallBase>(g.user_back());
    return call && call->getCalledOperand() == &g;
}

// Which callees go along, by how deep they are called and how large they are: f's own
// callees up to `largest` instructions, their callees only when tiny (a wrapper such as
// sqlite3Strlen30: copying callees' callees of every size made Lua's first output 1.5x
// later for no measurable gain in steady state, bench/README.md), all within `budget`;
// statics called once, at any depth, within a budget of their own, `single_call` (they
// are compiled once either way: here, or on their own if their caller does not inline
// them; but most are never called by a short run). Deeper than callees' callees, only
// chains of statics called once.
const int inline_depth = 4;

struct spending {
    unsigned copies = 0, single_calls = 0;
};

bool goes_along(Function &callee, int depth, const hj_inline_limits &limits, spending &spent,
                StringRef suffix)
{
    unsigned size = callee.getInstructionCount();
    bool single_call =
        called_once(callee, suffix) && spent.single_calls + size <= limits.single_call;
    unsigned largest = depth == 0 ? limits.largest : depth == 1 ? limits.tiny : 0;
    if (!single_call && (size > largest || spent.copies + size > limits.budget))
        return false;
    if (uses_label_table(callee)) // scanned last: the budgets are cheaper to ask
        return false;
    (single_call ? spent.single_calls : spent.copies) += size;
    return true;
}

std::vector<Function *> members(Function &f, const hj_inline_limits &limits,
                                std::vector<Function *> &taken)
{
    std::vector<Function *> out, level{&f};
    StringRef suffix = promotion_suffix(*f.getParent());
    spending spent;
    std::string ignored; // unreadable: left out here, reported when compiled itself
    note_addresses(f, taken);
    for (int depth = 0; depth < inline_depth && !level.empty(); depth++) {
        std::vector<Function *> next;
        for (Function *body : level)
            for (Instruction &inst : instructions(*body)) {
                auto *call = dyn_cast<CallBase>(&inst);
                Function *callee = call ? call->getCalledFunction() : nullptr;
                if (!may_go_along(f, callee) || contains(out, callee) ||
                    !materialize(*callee, ignored) ||
                    !goes_along(*callee, depth, limits, spent, suffix))
                    continue;
                out.push_back(callee);
                next.push_back(callee);
                note_addresses(*callee, taken);
            }
        level = std::move(next);
    }
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](Function *g) { return contains(taken, g); }),
              out.end());
    return out;
}

void clone_body(Function &from, Function &to, ValueToValueMapTy &vmap, Declarer &declarer)
{
    auto arg = to.arg_begin();
    for (Argument &a : from.args()) {
        arg->setName(a.getName());
        vmap[&a] = &*arg++;
    }
    SmallVector<ReturnInst *, 8> returns;
    GlobalValue::LinkageTypes linkage = to.getLinkage();
    CloneFunctionInto(&to, &from, vmap, CloneFunctionChangeType::DifferentModule, returns, "",
                      nullptr, nullptr, &declarer);
    to.setLinkage(linkage);
    to.setComdat(nullptr);
}

bool asm_ident(char c, bool first)
{
    return isalpha((unsigned char)c) || c == '_' || c == '.' || c == '$' ||
           (!first && isdigit((unsigned char)c));
}

// Inline assembly names module-local symbols by their source names, which promotion
// changed (NAME -> NAME+suffix): each identifier that was renamed so is rewritten.
std::string renamed_asm(const std::string &text, const Module &m, const std::string &suffix)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (!asm_ident(text[i], true) || (i > 0 && asm_ident(text[i - 1], false))) {
            out += text[i++];
            continue;
        }
        size_t j = i;
        while (j < text.size() && asm_ident(text[j], false))
            j++;
        std::string token = text.substr(i, j - i);
        out += m.getNamedValue(token + suffix) ? token + suffix : token;
        i = j;
    }
    return out;
}

// The part's inline assembly, with the source module's promoted names.
void rename_in_asm(Module &part, const Module &src)
{
    StringRef suffix = promotion_suffix(src);
    if (suffix.empty())
        return;
    for (Function &f : part)
        for (Instruction &inst : instructions(f)) {
            auto *call = dyn_cast<CallBase>(&inst);
            auto *ia = call ? dyn_cast<InlineAsm>(call->getCalledOperand()) : nullptr;
            if (!ia)
                continue;
            std::string text = renamed_asm(ia->getAsmString(), src, suffix.str());
            if (text != ia->getAsmString())
                call->setCalledOperand(InlineAsm::get(ia->getFunctionType(), text,
                                                      ia->getConstraintString(), ia->hasSideEffects(),
                                                      ia->isAlignStack(), ia->getDialect(),
                                                      ia->canThrow()));
        }
}

// The part is compiled as its module ("uwtable" and "frame-pointer" decide what it
// emits), except for "PIE Level": under it LLVM gives thread-local variables the
// static models (initial-exec, local-exec), and a lazy module's TLS block was placed,
// with its globals, before any code needed it in the static pool. (How a part's code
// names its own functions without the flag: hj_ir_name_addresses_by_symbol.) Flags
// holding nodes (e.g. a call-graph profile naming the module's functions) stay behind.
void copy_module_flags(const Module &src, Module &part)
{
    SmallVector<Module::ModuleFlagEntry, 8> flags;
    src.getModuleFlagsMetadata(flags);
    for (const Module::ModuleFlagEntry &flag : flags)
        if ((isa<ConstantAsMetadata>(flag.Val) || isa<MDString>(flag.Val)) &&
            flag.Key->getString() != "PIE Level")
            part.addModuleFlag(flag.Behavior, flag.Key->getString(), flag.Val);
}

} // namespace

// Label addresses live in the function's part, which the globals object cannot name:
// a module whose other data holds them cannot be split (a label table that is not
// module-local, or data pointing at one).
extern "C" char *hj_ir_lazy_unsplittable(LLVMModuleRef module)
{
    for (GlobalVariable &var : unwrap(module)->globals()) {
        SmallPtrSet<const Constant *, 16> seen;
        const char *why = nullptr;
        if (holds_block_address(var)) // a table: fine when module-local (it goes with it)
            why = var.hasLocalLinkage() ? nullptr : "holds label addresses and is not module-local";
        else if (var.hasInitializer() && refers_to_label_table(var.getInitializer(), seen))
            why = "points into a static table of label addresses";
        if (why)
            return strdup(("'" + var.getName().str() + "' " + why).c_str());
    }
    return nullptr;
}

extern "C" void hj_ir_lazy_prepare(LLVMModuleRef module, const char *suffix, bool read_bodies)
{
    Module &m = *unwrap(module);
    std::string ignored; // an unreadable body is reported when its function is compiled
    if (read_bodies)
        for (Function &f : m)
            materialize(f, ignored);
    unsigned anonymous = 0;
    auto promote = [&](GlobalValue &gv) {
        if (!gv.hasLocalLinkage() || goes_with_its_function(gv))
            return;
        std::string name = gv.hasName() ? gv.getName().str() : "anon." + std::to_string(anonymous++);
        gv.setName(name + suffix);
        gv.setLinkage(GlobalValue::ExternalLinkage);
        gv.setVisibility(GlobalValue::HiddenVisibility);
    };
    for (GlobalValue &gv : m.global_values())
        promote(gv);
    m.setModuleInlineAsm(renamed_asm(m.getModuleInlineAsm(), m, suffix));
    m.getOrInsertNamedMetadata(suffix_key)->addOperand(
        MDNode::get(m.getContext(), MDString::get(m.getContext(), suffix)));
}

extern "C" LLVMModuleRef hj_ir_clone_globals(LLVMModuleRef module)
{
    Module &m = *unwrap(module);
    ValueToValueMapTy vmap;
    std::unique_ptr<Module> copy = CloneModule(m, vmap, [](const GlobalValue *gv) {
        if (isa<Function>(gv) || goes_with_its_function(*gv))
            return false;
        const auto *alias = dyn_cast<GlobalAlias>(gv); // of a function: a placeholder too
        return !(alias && isa<FunctionType>(alias->getValueType()));
    });
    return wrap(copy.release());
}

extern "C" LLVMValueRef hj_ir_aliased_function(LLVMValueRef value)
{
    auto *alias = dyn_cast_or_null<GlobalAlias>(unwrap(value));
    return alias ? wrap(dyn_cast<Function>(alias->getAliaseeObject())) : nullptr;
}

// In a PIC module without "PIE Level", LLVM names a dso_local definition of default
// visibility through a local alias (f$local) in its own object: code and data there
// would hold f's body as its address, where every other module holds its entry stub.
// Not dso_local, f is named by its symbol (through the GOT), which the linker binds to
// the stub. Only definitions whose address is taken: calls reach the same code either way.
extern "C" void hj_ir_name_addresses_by_symbol(LLVMModuleRef module)
{
    Module &m = *unwrap(module);
    if (m.getPIELevel() != PIELevel::Default)
        return;
    for (Function &f : m)
        if (f.canBenefitFromLocalAlias() && f.hasAddressTaken())
            f.setDSOLocal(false);
}

extern "C" LLVMModuleRef hj_ir_extract_function(LLVMValueRef function,
                                                const hj_inline_limits *limits, char **error)
{
    Function &f = *unwrap<Function>(function);
    Module &src = *f.getParent();
    std::string why;
    *error = nullptr;
    if (!materialize(f, why)) {
        *error = strdup(why.c_str());
        return nullptr;
    }
    auto out = std::make_unique<Module>(f.getName(), src.getContext());
    out->setDataLayout(src.getDataLayout());
    out->setTargetTriple(src.getTargetTriple());
    copy_module_flags(src, *out);
    ValueToValueMapTy vmap;
    Declarer declarer(*out);
    std::vector<std::pair<Function *, Function *>> bodies;
    bodies.emplace_back(&f, Function::Create(f.getFunctionType(), GlobalValue::ExternalLinkage,
                                             f.getAddressSpace(), f.getName(), out.get()));
    for (Function *g : members(f, *limits, declarer.taken))
        bodies.emplace_back(g, Function::Create(g->getFunctionType(), GlobalValue::InternalLinkage,
                                                g->getAddressSpace(), g->getName(), out.get()));
    for (auto &[from, to] : bodies)
        vmap[from] = to;
    for (auto &[from, to] : bodies)
        clone_body(*from, *to, vmap, declarer);
    while (!declarer.pending.empty()) {
        auto [from, to] = declarer.pending.back();
        declarer.pending.pop_back();
        if (!materialize(*from, why)) { // a copy we cannot read: call the real one
            to->setLinkage(GlobalValue::ExternalLinkage);
            continue;
        }
        clone_body(*from, *to, vmap, declarer);
    }
    declarer.finish(vmap);
    rename_in_asm(*out, src);
    return wrap(out.release());
}

// A call of such a function cannot stay long in its own code: no loop, no call of
// itself (which would bind to this code, not to its stub), no setjmp (a longjmp back is
// a loop too). Code compiled cheaply for it is left at its next call once better code
// is in the stub's slot. Not so a function whose two versions would differ in more
// than speed: one taking its labels' addresses (kept across calls in data, or in a
// label table, they would lead into the other version) or placing data from inline
// assembly (two copies of it). A naked function has no entry code to count its calls.
static bool labels_taken(const Function &f)
{
    for (const BasicBlock &bb : f)
        if (bb.hasAddressTaken())
            return true;
    return false;
}

extern "C" bool hj_ir_runs_briefly(LLVMValueRef function)
{
    Function &f = *unwrap<Function>(function);
    std::string ignored; // unreadable: the compilation itself says so
    if (!materialize(f, ignored) || f.hasFnAttribute(Attribute::Naked) || labels_taken(f) ||
        asm_has_data(f))
        return false;
    SmallVector<std::pair<const BasicBlock *, const BasicBlock *>, 4> loops;
    FindFunctionBackedges(f, loops);
    if (!loops.empty())
        return false;
    for (Instruction &i : instructions(f))
        if (const auto *call = dyn_cast<CallBase>(&i))
            if (call->getCalledOperand()->stripPointerCasts() == &f ||
                call->hasFnAttr(Attribute::ReturnsTwice))
                return false;
    return true;
}

// The function's entry counts its calls (a module-local counter) and its Nth call asks
// the engine, through `hook`, for the function at its module's level, naming it by its
// own address (its entry stub). The counter is added to atomically (threads), after the
// entry block's allocas (which stay static).
extern "C" bool hj_ir_count_calls(LLVMModuleRef part, const char *function, unsigned calls,
                                  const char *hook, const char *engine)
{
    Module &m = *unwrap(part);
    Function *counted = m.getFunction(function);
    if (!counted || counted->isDeclaration())
        return false;
    Function &f = *counted;
    LLVMContext &c = m.getContext();
    Type *i32 = Type::getInt32Ty(c), *i8 = Type::getInt8Ty(c);
    auto *count = new GlobalVariable(m, i32, false, GlobalValue::InternalLinkage,
                                     ConstantInt::get(i32, 0), "hj.calls");
    FunctionCallee ask = m.getOrInsertFunction(
        hook, FunctionType::get(Type::getVoidTy(c), {i8->getPointerTo(), i8->getPointerTo()}, false));
    Constant *handle = m.getOrInsertGlobal(engine, i8);
    BasicBlock::iterator at = f.getEntryBlock().getFirstInsertionPt();
    while (isa<AllocaInst>(*at))
        ++at;
    IRBuilder<> b(&*at);
    Value *before = b.CreateAtomicRMW(AtomicRMWInst::Add, count, b.getInt32(1), MaybeAlign(4),
                                      AtomicOrdering::Monotonic);
    Instruction *then = SplitBlockAndInsertIfThen(b.CreateICmpEQ(before, b.getInt32(calls - 1)),
                                                  &*at, false);
    b.SetInsertPoint(then);
    b.CreateCall(ask, {handle, b.CreateBitCast(&f, i8->getPointerTo())});
    return true;
}
