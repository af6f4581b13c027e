-- Tiny workload for bench/lua_link.sh: the time is start-up and linking,
-- not this script.  It touches a few corners a runtime linker can get wrong
-- (libm, string formatting through libc, setjmp/longjmp error recovery,
-- coroutines, the C library's ctype tables, argv) and prints a deterministic
-- result that is compared with the natively linked interpreter's output.
local n = tonumber(arg[1]) or 20

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 211 end
table.sort(t)

local ok, err = pcall(error, "caught")           -- longjmp through the C stack
local co = coroutine.wrap(function(a) local b = coroutine.yield(a * 2); return a + b end)
local c1, c2 = co(21), co(1)

print(string.format("%s fib(%d)=%d min=%d max=%d sin(1)=%.9f sqrt(2)=%.9g",
  _VERSION, n, fib(n), t[1], t[#t], math.sin(1), math.sqrt(2)))
print(ok, err, c1, c2, ("Hot JIT"):upper():gsub("%s", "_"), #arg)
