; argv_envp_exit, module main: main(argc, argv, envp) prints its arguments (argv[0] is
; the first FILE given to hotjit), the IRTEST_ variables of envp, checks envp == environ
; and getenv, then exit.ll ends the program with exit(40 + argc) while output is pending.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@environ = external global i8**

@.argc = private unnamed_addr constant [9 x i8] c"argc=%d\0A\00"
@.argv0 = private unnamed_addr constant [12 x i8] c"argv[0]=%s\0A\00"
@.argvi = private unnamed_addr constant [15 x i8] c"argv[%d]=[%s]\0A\00"
@.argvend = private unnamed_addr constant [24 x i8] c"argv[argc] is NULL: %d\0A\00"
@.prefix = private unnamed_addr constant [8 x i8] c"IRTEST_\00"
@.env = private unnamed_addr constant [9 x i8] c"env: %s\0A\00"
@.envsame = private unnamed_addr constant [21 x i8] c"envp == environ: %d\0A\00"
@.name = private unnamed_addr constant [9 x i8] c"IRTEST_B\00"
@.getenv = private unnamed_addr constant [23 x i8] c"getenv(IRTEST_B)=[%s]\0A\00"
@.notreached = private unnamed_addr constant [12 x i8] c"not reached\00"

declare i32 @printf(i8*, ...)
declare i32 @puts(i8*)
declare i32 @strncmp(i8*, i8*, i64)
declare i8* @getenv(i8*)
declare void @finish_with(i32)

define i32 @main(i32 %argc, i8** %argv, i8** %envp) {
entry:
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.argc, i64 0, i64 0), i32 %argc)
  %a0 = load i8*, i8** %argv, align 8
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.argv0, i64 0, i64 0), i8* %a0)
  br label %args

args:
  %i = phi i32 [ 1, %entry ], [ %i1, %argbody ]
  %more = icmp slt i32 %i, %argc
  br i1 %more, label %argbody, label %argsdone
argbody:
  %ix = sext i32 %i to i64
  %ap = getelementptr inbounds i8*, i8** %argv, i64 %ix
  %a = load i8*, i8** %ap, align 8
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.argvi, i64 0, i64 0), i32 %i, i8* %a)
  %i1 = add i32 %i, 1
  br label %args

argsdone:
  %endx = sext i32 %argc to i64
  %endp = getelementptr inbounds i8*, i8** %argv, i64 %endx
  %end = load i8*, i8** %endp, align 8
  %isnull = icmp eq i8* %end, null
  %isnullz = zext i1 %isnull to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.argvend, i64 0, i64 0), i32 %isnullz)
  br label %envloop

envloop:
  %ep = phi i8** [ %envp, %argsdone ], [ %ep1, %envnext ]
  %e = load i8*, i8** %ep, align 8
  %eend = icmp eq i8* %e, null
  br i1 %eend, label %envdone, label %envbody
envbody:
  %c = call i32 @strncmp(i8* %e, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.prefix, i64 0, i64 0), i64 7)
  %match = icmp eq i32 %c, 0
  br i1 %match, label %envprint, label %envnext
envprint:
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.env, i64 0, i64 0), i8* %e)
  br label %envnext
envnext:
  %ep1 = getelementptr inbounds i8*, i8** %ep, i64 1
  br label %envloop

envdone:
  %environ = load i8**, i8*** @environ, align 8
  %same = icmp eq i8** %environ, %envp
  %samez = zext i1 %same to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.envsame, i64 0, i64 0), i32 %samez)
  %g = call i8* @getenv(i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.name, i64 0, i64 0))
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([23 x i8], [23 x i8]* @.getenv, i64 0, i64 0), i8* %g)
  call void @finish_with(i32 %argc)
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.notreached, i64 0, i64 0))
  ret i32 0
}
