/**
 * Deliberately misbehaving classes, one per house rule, that the architecture tests run
 * the rules over to show each rule catching its violation. Never part of the application.
 */
package misfits.edustat;
