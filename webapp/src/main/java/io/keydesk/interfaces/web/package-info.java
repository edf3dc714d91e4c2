/**
 * Jakarta Faces backing beans, one per use case: the buyer portal ({@code FindOrder}, {@code
 * MyOrders}, {@code FileTicketForm}, {@code TrackTicket}) and the staff console ({@code
 * StaffLogin}, {@code AgentQueue}, {@code WorkTicket}). They call application services and show
 * records.
 */
package io.keydesk.interfaces.web;
