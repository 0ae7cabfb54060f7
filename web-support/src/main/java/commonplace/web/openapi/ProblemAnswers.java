package commonplace.web.openapi;

import commonplace.web.problem.ProblemType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems of the catalogue an endpoint answers for reasons of its own (a locked topic, a stale revision, an
 * unknown comment), on a handler method or on its controller (then for each of its endpoints). What every endpoint
 * may answer (a malformed request, an invalid field, a missing token, an oversized body, the database away) is added
 * to the OpenAPI document from the endpoint's parameters and security and needs no mention here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ProblemAnswers {

    ProblemType[] value();
}
