/**
 * The words the seed writes with: a support team's everyday Spanish and English, most frequent
 * first (stop words, then the words customers and agents use most). The seed draws them with a
 * Zipf-like skew, so the first are in many messages and the last in few; each conversation is in
 * one language, as real ones are, so a Spanish and an English word rarely meet in one message.
 */
const words = (s: string): readonly string[] => s.split(/\s+/).filter(Boolean);

export const SPANISH = words(`
de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o este sí porque
hola gracias pedido ayuda problema envío paquete cuenta pago tarjeta factura precio cliente producto dirección entrega
devolución reembolso cambio tienda compra correo teléfono número código estado seguimiento semana mañana hoy ayer tarde
rápido lento urgente información cancelar cancelación reserva cita horario oficina sucursal ciudad calle casa trabajo
empresa servicio soporte agente respuesta pregunta consulta reclamo queja error falla garantía reparación técnico
instalación equipo modelo tamaño color talla zapatos camisa pantalón vestido chaqueta bolso reloj gafas móvil portátil
pantalla batería cargador cable auriculares teclado descuento oferta promoción cupón suscripción plan membresía
contraseña usuario sesión acceso bloqueado verificación enlace aplicación página formulario carrito stock disponible
agotado pendiente confirmado enviado recibido retrasado perdido dañado roto equivocado incompleto caja etiqueta
transportista almacén aduana impuesto transferencia efectivo banco saldo cargo doble cobro mensaje llamada chat
notificación aviso recordatorio plazo fecha viernes lunes martes miércoles jueves sábado domingo mes urgencia prioridad
supervisor encargado nombre apellido documento contrato firma renovación vencimiento cobertura seguro póliza vuelo
billete maleta equipaje hotel habitación llegada salida restaurante mesa menú alergia comida bebida vegetariano postre
clase curso inscripción matrícula profesor examen certificado nota médico receta farmacia síntoma turno resultado
análisis vacuna coche taller neumático motor aceite frenos revisión alquiler conductor muebles sofá cama armario
montaje tornillo instrucciones pieza regalo envoltorio joya anillo collar pendientes pulsera planta jardín semilla
maceta riego tierra flor árbol perro gato veterinario correa juguete arena impresora tinta papel escáner router wifi
conexión internet velocidad
`);

export const ENGLISH = words(`
the to and a of i my is in it for you on this that be with have not are at was your can but me we
hello thanks order help problem delivery package account payment card invoice price customer product address shipping
return refund exchange store purchase email phone number code status tracking week tomorrow today yesterday late fast
slow urgent information cancel cancellation booking appointment schedule office branch city street home work company
service support agent answer question inquiry complaint issue error failure warranty repair technician installation
device model size colour fit shoes shirt trousers dress jacket bag watch glasses mobile laptop screen battery charger
cable headphones keyboard discount offer promotion coupon subscription plan membership password username login access
locked verification link app website form cart stock available soldout pending confirmed shipped received delayed lost
damaged broken wrong incomplete box label courier warehouse customs tax transfer cash bank balance charge double
billing message call chat notification notice reminder deadline date friday monday tuesday wednesday thursday saturday
sunday month emergency priority manager responsible name surname document contract signature renewal expiry coverage
insurance policy flight ticket suitcase luggage hotel room arrival departure restaurant table menu allergy food drink
vegetarian dessert class course enrollment tuition teacher exam certificate grade doctor prescription pharmacy symptom
shift result analysis vaccine car garage tyre engine oil brakes inspection rental driver furniture sofa bed wardrobe
assembly screw instructions part gift wrapping jewel ring necklace earrings bracelet plant garden seed pot watering soil
flower tree dog cat vet leash toy litter printer ink paper scanner router wifi connection internet speed
`);

/** How many of each list's first words are stop words (never searched for): the content words start at the greetings. */
export const STOP_WORDS = { spanish: SPANISH.indexOf('hola'), english: ENGLISH.indexOf('hello') };

export const FIRST_NAMES = words(`
María José Antonio Carmen Manuel Ana Francisco Laura David Isabel Juan Lucía Javier Marta Daniel Elena Carlos Paula
Miguel Sara Rafael Cristina Pedro Andrea Pablo Raquel Sergio Silvia Jorge Patricia Luis Beatriz Alberto Rocío Fernando
Núria Álvaro Inés Diego Sofía Adrián Julia Rubén Alba Iván Natalia Óscar Irene Andrés Noelia Ramón Claudia James Mary
John Robert Jennifer Michael Linda William Elizabeth Richard Barbara Joseph Susan Thomas Jessica Charles Sarah
Christopher Karen Matthew Nancy Anthony Lisa Mark Betty Steven Margaret Paul Sandra Andrew Ashley Joshua Emily Kevin Donna
`);

export const LAST_NAMES = words(`
García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz
Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez
Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson White Harris Martin Thompson
Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker
`);
