/**
 * Jakarta Security for staff: one authentication mechanism for both the console (form login kept in
 * the HTTP session) and the API (bearer tokens), an identity store over the staff table with PBKDF2
 * password hashes, and the current staff member for beans and resources.
 */
package io.keydesk.infrastructure.security;
